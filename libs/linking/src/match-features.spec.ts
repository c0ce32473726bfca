import { normalizeForSearch } from '@isnad/text';
import { CollectionStats, QueryText, bm25, contradictionOf, handlesIn, pairEvidence, pairMeasures, substitutedPerson, poolFeatures, FEATURE_NAMES, SENTENCE_FEATURE_NAMES, sentenceFeatures } from './match-features';
import { MatchReasonKind, capitalisedNames } from './match-scoring';

const stats: CollectionStats = { df: new Map([['common', 900], ['rare', 2], ['tanf', 3]]), total: 1000, averageLength: 4 };
const terms = (...lexemes: string[]) => new Map(lexemes.map((l) => [l, lexemes.filter((x) => x === l).length]));
const query = (key: string, ...lexemes: string[]): QueryText => ({
  key,
  names: [],
  variants: [{ language: 'en', key, terms: terms(...lexemes), translated: false }],
});

describe('match features', () => {
  it('scores a rare shared word above a common one, and a short text above a long one with the same words', () => {
    expect(bm25(terms('rare', 'common'), terms('rare', 'x'), stats)).toBeGreaterThan(bm25(terms('rare', 'common'), terms('common', 'x'), stats));
    expect(bm25(terms('rare'), terms('rare', 'x'), stats)).toBeGreaterThan(bm25(terms('rare'), terms('rare', 'x', 'y', 'z', 'w', 'v', 'u'), stats));
  });

  it('finds a claim through the word-by-word translation of the text, discounted, and compares its wording with the translation', () => {
    const text: QueryText = {
      key: 'لقاءات في التنف',
      names: [],
      variants: [
        { language: 'ar', key: 'لقاءات في التنف', terms: terms('لقاء', 'تنف'), translated: false },
        { language: 'en', key: 'meetings tanf', terms: terms('meet', 'tanf'), translated: true },
      ],
    };
    const evidence = pairEvidence(text, [], { key: 'meetings in al tanf', terms: terms('meet', 'tanf'), trigram: 0 }, stats);
    expect(evidence.translated).toBe(true);
    expect(evidence.bm25).toBeCloseTo(0.8 * bm25(terms('meet', 'tanf'), terms('meet', 'tanf'), stats));
    expect(evidence.queryCoverage).toBe(1);
    // PostgreSQL gave the trigram similarity of the Arabic text as written: 0.
    expect(evidence.trigram).toBeGreaterThan(0.5);
  });

  // A translation covers no more of the query than it renders: the Arabic–Russian one of a Lebanese
  // headline often renders the place alone, and a Russian text naming Lebanon shares all of it. A
  // person's name spelt across scripts is what no dictionary renders: a pair sharing one is not capped.
  it.each([
    ['the translation renders one word of six: the shared place covers a sixth', 1 / 6, 1 / 6, undefined],
    ['it renders all the words: coverage as shared', 1, 1, undefined],
    ['no share recorded (a text as written): coverage as shared', undefined, 1, undefined],
    ['the two share a name spelt across scripts (Salam, салам): coverage as shared', 1 / 6, 1, new Map([['салам', 'سلام']])],
  ])('%s', (_case, renderedShare, coverage, nameSpellings) => {
    const text: QueryText = {
      key: 'ميقاتي عبء اللاجيين السوريين اكبر من قدره لبنان',
      names: [],
      nameSpellings,
      variants: [
        { language: 'ar', key: 'ميقاتي عبء اللاجيين السوريين اكبر من قدره لبنان', terms: terms('ميقات', 'عبء', 'لاجي', 'سوري', 'اكبر', 'قدر', 'لبنان'), translated: false },
        { language: 'ru', key: 'ливан', terms: terms('лива'), translated: true, renderedShare },
      ],
    };
    const evidence = pairEvidence(text, [], { key: 'салам сформировал новое правительство ливана', terms: terms('салам', 'сформирова', 'нов', 'правительств', 'лива'), trigram: 0 }, stats);
    expect(evidence.translated).toBe(true);
    expect(evidence.queryCoverage).toBeCloseTo(coverage);
  });

  it('ranks each candidate against the best of its pool', () => {
    const q = query('rare common', 'rare', 'common');
    const pool = [
      pairEvidence(q, [], { key: 'common x', terms: terms('common', 'x'), trigram: 0.1 }, stats),
      pairEvidence(q, [], { key: 'rare common', terms: terms('rare', 'common'), trigram: 1 }, stats),
    ];
    const [weak, strong] = poolFeatures(pool);
    const at = (name: (typeof FEATURE_NAMES)[number]) => FEATURE_NAMES.indexOf(name);
    expect(strong[at('bm25OfBest')]).toBe(1);
    expect(strong[at('bm25ReciprocalRank')]).toBe(1);
    expect(weak[at('bm25ReciprocalRank')]).toBe(0.5);
    expect(weak[at('bm25OfBest')]).toBeLessThan(0.2);
  });

  it('tells how far a candidate leads the next one down, and how much of each text the other covers', () => {
    const q = query('rare common', 'rare', 'common');
    const pool = [
      pairEvidence(q, [], { key: 'rare common', terms: terms('rare', 'common'), trigram: 1 }, stats),
      pairEvidence(q, [], { key: 'rare x', terms: terms('rare', 'x'), trigram: 0.3 }, stats),
      pairEvidence(q, [], { key: 'common rare y z', terms: terms('common', 'rare', 'y', 'z'), trigram: 0.3 }, stats),
    ];
    const [exact, half, long] = poolFeatures(pool);
    const at = (name: (typeof FEATURE_NAMES)[number]) => FEATURE_NAMES.indexOf(name);
    expect(exact[at('bm25GapToNext')]).toBeGreaterThan(0);
    expect(exact[at('candidateIdfCoverage')]).toBe(1);
    expect(long[at('candidateIdfCoverage')]).toBeLessThan(1);
    expect(half[at('queryCoverageOfBest')]).toBeLessThan(1);
    expect(exact[at('queryCoverageOfBest')]).toBe(1);
  });

  it('reads @handles and #hashtags and says when both texts name them', () => {
    expect(handlesIn('Thanks @WHO and #COVID19 e-mail a@b')).toEqual(['who', 'covid19']);
    const evidence = pairEvidence(query('who says', 'who'), ['who'], { key: 'who says so', terms: terms('say'), trigram: 0 }, stats);
    expect(evidence.sharedHandles).toEqual(['who']);
  });

  it.each([
    ['a different figure', 'قتل 5 جنود سوريين في هجوم', 'قتل 12 جنديا سوريا في هجوم', ['5', '12']],
    ['a negation', 'the minister denied the ministry closed the crossing', 'the ministry closed the crossing', ['denied']],
    ['an opposite direction', 'jordan reopened the jaber crossing', 'jordan closed the jaber crossing', ['reopened', 'closed']],
    ['an opposite direction in Arabic', normalizeForSearch('ارتفاع أسعار الخبز في دمشق'), normalizeForSearch('انخفاض أسعار الخبز في دمشق'), ['ارتفاع', 'انخفاض']],
    ['another figure in a text that shares the year', normalizeForSearch('Jordan recorded 31 cases of hepatitis A in March 2024'), normalizeForSearch('Jordan recorded 18 cases of hepatitis A in March 2024'), ['31', '18']],
    ['another figure in Arabic beside the same year', normalizeForSearch('تسجيل 31 إصابة بالتهاب الكبد في إربد خلال آذار 2024'), normalizeForSearch('تسجيل 18 إصابة بالتهاب الكبد في إربد خلال آذار 2024'), ['31', '18']],
    ['another year beside the same figure', normalizeForSearch('3.5 million people fled Sudan since April 2024'), normalizeForSearch('3.5 million people fled Sudan since April 2023'), ['2024', '2023']],
    ['figures swapped between two units', normalizeForSearch('Israel released 13 Palestinian prisoners for 39 hostages'), normalizeForSearch('Israel released 39 Palestinian prisoners for 13 hostages'), ['13', '39']],
    ['another decimal', normalizeForSearch('التضخم يتراجع إلى 35.7% في فبراير 2024'), normalizeForSearch('التضخم يتراجع إلى 32.5% في فبراير 2024'), ['35.7', '32.5']],
    ['a Russian number word', normalizeForSearch('ЦБ повысил ставку до пятидесяти процентов в 2024 году'), normalizeForSearch('ЦБ повысил ставку до 45 процентов в 2024 году'), ['50', '45']],
    ['a route the other way round', 'turkey moved 300 syrian fighters from libya to idlib', 'turkey transferred 300 syrian fighters from idlib to libya', ['libya', 'idlib']],
    ['a route the other way round in Arabic', normalizeForSearch('تركيا تعيد 300 مقاتل سوري من ليبيا إلى إدلب'), normalizeForSearch('تركيا نقلت 300 مقاتل سوري من إدلب إلى ليبيا'), ['ليبيا', 'ادلب']],
    ['"без жертв" against deaths', normalizeForSearch('Пожар на заводе в Байджи обошелся без жертв'), normalizeForSearch('Пожар на заводе в Байджи: погибли трое рабочих'), ['без']],
  ])('tells a contradiction by %s', (_, a, b, values) => {
    const e = pairEvidence(query(a), [], { key: b, terms: new Map(), trigram: 0 }, stats);
    expect(e.contradiction).toEqual({ kind: MatchReasonKind.CONTRADICTS, values });
  });

  it('tells a text that shares only names and places from one that shares what happened', () => {
    const q: QueryText = { ...query('france and britain will sign a trade agreement with the united states'), entityWords: new Set(['france', 'britain', 'united', 'states']) };
    const namesOnly = pairEvidence(q, [], { key: 'the united states france and britain held meetings with isis in tanf', terms: new Map(), trigram: 0 }, stats);
    const same = pairEvidence(q, [], { key: 'britain and france sign a trade agreement with the united states', terms: new Map(), trigram: 0 }, stats);
    expect(namesOnly.entitiesOnly).toBe(true);
    expect(same.entitiesOnly).toBe(false);
  });

  it('reads a fact-check that states the claim and then denies it as the same claim, not a contradiction', () => {
    const tweet = normalizeForSearch('لحظة الاعتداء على الرئيس الفرنسي ماكرون بالبيض');
    const factCheck = normalizeForSearch('مقطع فيديو لشخص يضرب ماكرون بالبيض بسبب تصريحاته لم يضرب ماكرون بالبيض بسبب تصريحاته');
    expect(contradictionOf(tweet, factCheck, [])).toBeNull();
    expect(contradictionOf('the vaccine causes infertility', 'the vaccine causes infertility the vaccine does not cause infertility', [])).toBeNull();
    // A denial that does not first state the claim still contradicts it.
    expect(contradictionOf('the ministry closed the crossing', 'the minister denied the ministry closed the crossing', [])?.kind).toBe(MatchReasonKind.CONTRADICTS);
  });

  it('does not call a text with an extra figure, or "without" before a manner, a contradiction', () => {
    const claim = normalizeForSearch("Jordan's health ministry recorded 18 cases of hepatitis A in schools in Irbid in March 2024.");
    expect(contradictionOf(normalizeForSearch('Jordan: 18 hepatitis A cases in 4 Irbid schools, the health ministry said in March 2024'), claim, [])).toBeNull();
    const sudan = normalizeForSearch('The IOM said 3.5 million people have fled Sudan to neighbouring countries since April 2023.');
    expect(contradictionOf(normalizeForSearch('3.5 million people have fled Sudan to neighbouring countries in 18 months of war'), sudan, [])).toBeNull();
    expect(contradictionOf(normalizeForSearch('From Idlib to Libya: Turkey transferred 300 Syrian fighters'), 'turkey transferred 300 syrian fighters from idlib to libya', [])).toBeNull();
    expect(contradictionOf(normalizeForSearch('Лавров: Москва готова к переговорам без предварительных условий'), normalizeForSearch('Лавров: Москва готова к переговорам'), [])).toBeNull();
  });

  it('reads "without the occurrence of" an event as its negation: two texts that both deny casualties agree', () => {
    const quake = normalizeForSearch('زلزال بقوة 5.8 درجات يضرب ملاطية دون وقوع إصابات');
    expect(contradictionOf(normalizeForSearch('Землетрясение магнитудой 5,8 произошло в Малатье, пострадавших нет'), quake, [])).toBeNull();
    expect(contradictionOf(normalizeForSearch('زلزال بقوة 5.8 درجات يضرب ملاطية ومقتل 3 أشخاص'), quake, [])?.kind).toBe(MatchReasonKind.CONTRADICTS);
  });

  it('reads a rounded figure as the figure it rounds, and a multiple as no figure of its slot', () => {
    const sudan = { key: normalizeForSearch("Sudan's health ministry recorded 1,187 dengue fever cases in Khartoum state in a single week."), terms: new Map(), trigram: 0 };
    const rounded = pairEvidence(query(normalizeForSearch('Nearly 1,200 dengue cases recorded in Khartoum state in one week')), [], sudan, stats);
    expect(rounded.differentNumbers).toEqual([]);
    expect(rounded.contradiction).toBeNull();
    const tooFar = pairEvidence(query(normalizeForSearch('Nearly 1,100 dengue cases recorded in Khartoum state in one week')), [], sudan, stats);
    expect(tooFar.contradiction?.kind).toBe(MatchReasonKind.CONTRADICTS);
    const vat = normalizeForSearch('السعودية ترفع ضريبة القيمة المضافة من 5% إلى 15% اعتبارا من يوليو');
    expect(contradictionOf(normalizeForSearch('المملكة تضاعف ضريبة القيمة المضافة ثلاث مرات لتصل إلى 15%'), vat, [])).toBeNull();
    // "Three times a week" is a frequency, compared as a figure.
    expect(contradictionOf(normalizeForSearch('Turkish Airlines flies to Damascus 3 times a week'), normalizeForSearch('Turkish Airlines flies to Damascus 4 times a week'), [])?.kind).toBe(MatchReasonKind.CONTRADICTS);
  });

  it('does not read a denial of the setting alone as a fact-check restating the claim', () => {
    // The fire is stated before the denial, the deaths are not: the text contradicts the claim.
    expect(contradictionOf(normalizeForSearch('Fire at the Baiji refinery: no workers were killed'), normalizeForSearch('Three workers were killed in a fire at the Baiji refinery'), [])?.kind).toBe(
      MatchReasonKind.CONTRADICTS,
    );
  });

  it('reads a property denied that the text never stated as a contradiction, not as a fact-check restating the claim', () => {
    const safe = normalizeForSearch("Jordan's health ministry confirmed that the polio vaccine given in schools is safe.");
    // "safe" stands only after the negation and in the claim: the text denies it.
    expect(contradictionOf(normalizeForSearch('The polio vaccine given in Jordanian schools is not safe, a health ministry official says'), safe, [])?.kind).toBe(MatchReasonKind.CONTRADICTS);
    // A fact-check repeats after its negation what it stated before it ("hitting ... did not hit"): a restatement.
    expect(contradictionOf(normalizeForSearch('Video of a man hitting Macron with eggs. The man did not hit Macron with eggs'), normalizeForSearch('A man hit Macron with eggs'), [])).toBeNull();
    // Another negation than a copula's is left to the rule as before (CheckThat! EN 2022 dev tweet-sno-1111's claim).
    expect(contradictionOf(normalizeForSearch('Obama snubs the funeral of Justice Scalia: he will not attend it'), normalizeForSearch('Obama is too busy golfing to attend the funeral of Justice Scalia'), [])).toBeNull();
    // "Not true" denies the statement before it: a restatement.
    expect(contradictionOf(normalizeForSearch('The claim that the polio vaccine given in Jordanian schools is safe is not true'), safe, [])).toBeNull();
  });

  it("does not read a tweet's own dateline as a figure or date of the claim it carries", () => {
    const tweet = 'Vaping and juuling CAN cause cancer. Talk to kids. https://t.co/dFIpTwVNeW — Deborah Gilboa, MD (@AskDocG) March 5, 2018';
    const stated = 'Vaping and juuling CAN cause cancer. Talk to kids.';
    const claim = normalizeForSearch('A study found that vaping causes cancer, four times as often as smoking.');
    const q: QueryText = { ...query(normalizeForSearch(tweet)), statedKey: normalizeForSearch(stated) };
    const evidence = pairEvidence(q, [], { key: claim, terms: new Map(), trigram: 0 }, stats);
    expect(evidence.contradiction).toBeNull();
    // The model's number features still read the text as written.
    expect(evidence.differentNumbers).toEqual(['5', '2018', '4']);
    // A figure the tweet itself states still contradicts another.
    const figure: QueryText = { ...query(normalizeForSearch(`${tweet} 8 times`)), statedKey: normalizeForSearch(`${stated} 8 times`) };
    expect(pairEvidence(figure, [], { key: claim, terms: new Map(), trigram: 0 }, stats).contradiction?.kind).toBe(MatchReasonKind.CONTRADICTS);
  });

  it('reads a negation as contradicting a claim only from a sentence that speaks of it', () => {
    const tweet = 'Screw Disney for changing tower of terror to guardians of the Galaxy. Trash. Not taking future kids';
    const sentences = ['screw disney for changing tower of terror to guardians of the galaxy', 'trash', 'not taking future kids'];
    // The fact-check as CheckThat! 2022 gives it: claim, title and subtitle.
    const claim = normalizeForSearch(
      'Disney is replacing the "Tower of Terror" attraction with a "Guardians of the Galaxy" themed ride at their Disney California Adventure Park. ' +
        "Disney’s ‘Tower of Terror’ Being Replaced with ‘Guardians of the Galaxy’ After an earlier spurious rumor about the fate of Disney's \"Tower of Terror,\" " +
        'the company confirmed they are replacing the ride with a "Guardians of the Galaxy" attraction in California.',
    );
    expect(contradictionOf(normalizeForSearch(tweet), claim, [], undefined, sentences)).toBeNull();
    // The same denial where its sentence names what the claim says still contradicts it.
    const fire = 'Fire at the Baiji refinery. No workers were killed';
    expect(
      contradictionOf(normalizeForSearch(fire), normalizeForSearch('Three workers were killed in a fire at the Baiji refinery'), [], undefined, ['fire at the baiji refinery', 'no workers were killed'])?.kind,
    ).toBe(MatchReasonKind.CONTRADICTS);
  });

  it('does not call a restatement a contradiction', () => {
    expect(contradictionOf('jordan closed the jaber crossing', 'jordan shuts the jaber border crossing after clashes', [])).toBeNull();
    expect(contradictionOf('who denies the vaccine causes infertility', 'the who denied that the vaccine causes infertility', [])).toBeNull();
  });
});

describe('what a fact-checker is offered for a text with the same actors', () => {
  // The lexicon's places of the two texts, given here: [the query's, the candidate's].
  const evidenceOf = (a: string, b: string, places?: [string[], string[]]) => {
    const [q, c] = [normalizeForSearch(a), normalizeForSearch(b)];
    const placesIn = places && ((key: string) => new Set(key === q ? places[0] : places[1]));
    return pairEvidence({ ...query(q), placesIn }, [], { key: c, terms: new Map(), trigram: 0 }, stats);
  };

  it.each([
    ['"has not" in English', 'The UAE has not banned poultry imports from Brazil', 'The UAE banned the import of poultry from Brazil'],
    ['نفى / أكد', 'نفت وزارة الخارجية وصول الوزير إلى دمشق', 'وزير الخارجية يصل إلى دمشق'],
    ['не открывала in Russian', 'Полиция не открывала пункт наблюдения в Кунейтре', 'Полиция открыла пункт наблюдения в Кунейтре'],
    ['another figure written in words', 'Houthis took its seven crew members to Hodeidah', 'Houthis took its 25 crew members to Hodeidah'],
    ['an opposite direction', 'البنك المركزي المصري يخفض سعر الفائدة 200 نقطة أساس', 'البنك المركزي المصري يرفع سعر الفائدة 200 نقطة أساس'],
    ['"dismissed as untrue" in English', 'Qatar Airways dismissed as untrue reports that it resumed direct flights to Beirut', 'Qatar Airways resumes direct flights to Beirut'],
    ['عار عن الصحة', 'عار عن الصحة ما تداولته مواقع عن رفع مصرف لبنان سعر الصرف', 'رفع مصرف لبنان سعر الصرف الرسمي للدولار'],
    ['фейк in Russian', 'В Минздраве назвали фейком сообщения о случаях холеры', 'Минздрав сообщил о случаях холеры'],
    ['the same figure in another currency', 'أرامكو السعودية تعلن أرباحا صافية بقيمة 27 مليار ريال في الربع الثاني', 'أرامكو السعودية تعلن أرباحا صافية بقيمة 27 مليار دولار في الربع الثاني'],
    ['another month of the same day', "Egypt's central bank let the pound float freely on 6 February 2024", "Egypt's central bank let the pound float freely on 6 March 2024"],
    ['a statement withdrawn, in English', 'Saudi Aramco withdrew its second-quarter profit statement', 'Saudi Aramco reported a net profit of $27 billion for the second quarter'],
    ['a decision reversed, in Arabic', 'وزارة التربية والتعليم تتراجع عن قرار إلغاء امتحانات الثانوية العامة', 'وزارة التربية والتعليم تقرر إلغاء امتحانات الثانوية العامة'],
    ['a statement withdrawn, in Russian', 'Минобороны отозвало заявление об ударе по складу в Идлибе', 'Минобороны сообщило об ударе по складу в Идлибе'],
    ['denied having said, in Russian', 'Лавров опроверг, что говорил о сохранении российских баз в Сирии', 'Лавров заявил, что Россия сохранит свои военные базы в Сирии'],
    ['an apology for the accusation', 'Kuwait apologises for accusing Iraq of violating the Khor Abdullah agreement', 'Kuwait accused Iraq of violating the Khor Abdullah agreement'],
    ['the same figure in another currency, across scripts', 'Доходы Суэцкого канала упали до 1,2 млрд фунтов', 'إيرادات قناة السويس تراجعت إلى 1.2 مليار دولار'],
    ['another quarter', 'Suez Canal revenue fell by half in the second quarter to $1.2 billion', 'Suez Canal revenue fell by half in the first quarter to $1.2 billion'],
    ['a rate kept against a rate raised, in Russian', 'Банк России повысил ключевую ставку до 21% годовых', 'Банк России сохранил ключевую ставку на уровне 21% годовых'],
    ['a rate kept against a rate cut, in Arabic', 'بنك المغرب يبقي سعر الفائدة الرئيسي دون تغيير عند 2.5 في المائة', 'بنك المغرب يخفض سعر الفائدة الرئيسي إلى 2.5 في المائة'],
    ['an approval postponed', "Lebanon's cabinet postpones approval of the 2025 draft budget", "Lebanon's cabinet approved the 2025 draft budget"],
  ])('offers %s as CONTRADICTS', (_, a, b) => {
    const e = evidenceOf(a, b);
    expect(e.contradiction?.kind).toBe(MatchReasonKind.CONTRADICTS);
    expect(e.otherStory).toBeNull();
  });

  it.each([
    ['15 ألف / 15,000', 'مصرف لبنان يرفع سعر الدولار إلى 15 ألف ليرة', 'Lebanon central bank raised the dollar rate to 15,000 pounds'],
    ['25 / twenty-five', 'took its twenty-five crew to Hodeidah', 'took its 25 crew members to Hodeidah'],
    ['100 000 / 100 тысяч', 'Россия поставила Сирии 100 000 тонн пшеницы', 'Россия поставила в Сирию 100 тысяч тонн пшеницы'],
    ['ثلاثة / 3', 'مقتل ثلاثة جنود إسرائيليين في غزة', 'الجيش الإسرائيلي يعلن مقتل 3 من جنوده في غزة'],
    ['a paraphrase of the direction', 'Turkey has reduced the Euphrates flow into Syria', 'Turkey cut the flow of the Euphrates into Syria'],
    ['the same figure and unit, reworded, in Arabic', 'ارامكو: ٢٧ مليار دولار صافي الارباح في الربع الثاني', 'أرامكو السعودية تعلن أرباحا صافية بقيمة 27 مليار دولار في الربع الثاني'],
    ['the same date with another month name, in Arabic', 'سعيد يعفي الحشاني من منصبه ويكلف المدوري في 7 آب 2024', 'الرئيس قيس سعيد يقيل رئيس الحكومة أحمد الحشاني ويعين كمال المدوري خلفا له مساء 7 أوت 2024'],
    ['an American date in English', 'On March 6, 2024, the Central Bank of Egypt floated the pound', "Egypt's central bank let the pound float freely on 6 March 2024"],
    ['the speaker put last in English', 'Islamic Jihad fired the rockets at Sderot, Hamas says', 'Hamas said Islamic Jihad fired the rockets at Sderot'],
    ['received and met, in Arabic', 'الرئيس قيس سعيد يستقبل وزير الخارجية التركي في قصر قرطاج', 'الرئيس قيس سعيد يلتقي وزير الخارجية التركي في قصر قرطاج'],
    ['discussed and held talks', 'Hakan Fidan discussed the border with Ahmed al-Sharaa in Damascus', 'Hakan Fidan held talks on the border with Ahmed al-Sharaa in Damascus'],
    ['met and held talks, in Russian', 'Лавров встретился с главой МИД Сирии аш-Шейбани в Москве', 'Лавров провел переговоры с министром иностранных дел Сирии Асаадом аш-Шейбани в Москве'],
    ['met and held talks, in English', 'Fidan met al-Sharaa in Damascus', 'Fidan held talks with al-Sharaa in Damascus'],
    ['"illegally" in Arabic (غير قانونية) against one Russian word', 'МВД Ирака депортировало 2400 иностранных рабочих, незаконно въехавших в страну', 'وزارة الداخلية العراقية ترحل 2400 عامل أجنبي دخلوا البلاد بصورة غير قانونية'],
    ['told to leave and to evacuate', 'Residents of Yaroun ordered by the Israeli army to leave their homes', 'The Israeli army ordered residents of Yaroun to evacuate their homes'],
    ['Q1 and the first quarter', 'Suez Canal earned $1.2bn in Q1, says Rabie', 'Suez Canal revenue fell by half in the first quarter to $1.2 billion, Osama Rabie said'],
    ['a rate held in two wordings', 'ЦБ РФ оставил ключевую ставку без изменений — 21%', 'Банк России сохранил ключевую ставку на уровне 21% годовых'],
    ['a kept promise beside a raise', 'Russia will keep its military bases in Syria', 'Russia raised its military presence in Syria'],
  ])('keeps a compatible restatement as the same claim: %s', (_, a, b) => {
    const e = evidenceOf(a, b);
    expect(e.contradiction).toBeNull();
    expect(e.otherStory).toBeNull();
  });

  it('offers the same words said by the other party as ROLE_SWAP', () => {
    expect(evidenceOf('Islamic Jihad said Hamas fired the rockets at Sderot', 'Hamas said Islamic Jihad fired the rockets at Sderot').contradiction).toEqual({
      kind: MatchReasonKind.ROLE_SWAP,
      values: ['islamic jihad', 'hamas'],
    });
  });

  it('tells another event, another place and another actor of the same story apart from the claim', () => {
    expect(evidenceOf('وزارة الصحة العراقية توزع لقاحات الكوليرا في السليمانية', 'وزارة الصحة العراقية تسجل 12 إصابة بالكوليرا في السليمانية').otherStory).toEqual({ kind: MatchReasonKind.OTHER_EVENT, values: ['توزع', 'تسجل'] });
    expect(evidenceOf('Syria cut the Euphrates flow into Iraq', 'Turkey cut the Euphrates flow into Syria', [['syria', 'iraq'], ['turkiye', 'syria']]).otherStory).toEqual({ kind: MatchReasonKind.OTHER_ACTOR, values: ['iraq', 'turkiye'] });
    // One verb of the lexicon (summoned), told elsewhere by others: the same kind of deed, another story.
    expect(
      evidenceOf("Libya's attorney general summoned officials for questioning over the Derna dam collapse", 'Algeria summoned the French ambassador over the arrest of a consular official in Paris', [
        ['libya', 'derna'],
        ['algeria', 'france', 'paris'],
      ]).otherStory,
    ).toEqual({ kind: MatchReasonKind.OTHER_ACTOR, values: ['libya', 'derna', 'algeria', 'france', 'paris'] });
    // Money paid out of a package, against the package signed: a later step.
    expect(evidenceOf('The EU disbursed the first €1 billion of its €7.4 billion package for Egypt', 'Egypt and the European Union signed a strategic partnership agreement worth €7.4 billion').otherStory).toEqual({
      kind: MatchReasonKind.OTHER_EVENT,
      values: ['disbursed', 'signed'],
    });
    // A challenge to an election, against the election annulled: a later step (event-verbs, challengedStep).
    expect(evidenceOf('Kuwaiti candidates filed challenges against the 2022 parliamentary election', "Kuwait's constitutional court annulled the 2022 parliamentary election").otherStory).toEqual({
      kind: MatchReasonKind.OTHER_EVENT,
      values: ['challenges'],
    });
    expect(evidenceOf('حركة حماس تعلن مقتل 3 من مقاتليها في غزة', 'الجيش الإسرائيلي يعلن مقتل 3 من جنوده في غزة', [['gaza'], ['israel', 'gaza']]).otherStory).toEqual({ kind: MatchReasonKind.OTHER_ACTOR, values: ['hamas', 'israel'] });
    expect(evidenceOf('Россия и Иран обсудили в Москве договор о партнерстве', 'Россия и Иран подписали в Москве договор о партнерстве').otherStory).toEqual({ kind: MatchReasonKind.OTHER_EVENT, values: ['обсудили', 'подписали'] });
    expect(evidenceOf('الملك محمد السادس يُدشّن المستشفى الجامعي بمراكش', 'الملك محمد السادس يزور جرحى الزلزال في المستشفى الجامعي بمراكش').otherStory).toEqual({ kind: MatchReasonKind.OTHER_EVENT, values: ['يدشن', 'يزور'] });
    expect(evidenceOf('Israeli shelling hits Yaroun in south Lebanon', 'The Israeli army ordered residents of Yaroun to evacuate their homes').otherStory).toEqual({ kind: MatchReasonKind.OTHER_EVENT, values: ['shelling', 'evacuate'] });
    // The same place under a country's and its capital's spelling is the same place.
    expect(evidenceOf('الرئيس التونسي يحل البرلمان', "Tunisia's president dissolved parliament", [['tunis'], ['tunisia']]).otherStory).toBeNull();
  });

  it('withholds a text that names another country where the claim names one, between the same words', () => {
    const places = (map: Record<string, string>) => (key: string) => new Set(key.split(' ').flatMap((w) => (map[w] ? [map[w]] : [])));
    const withPlaces = (a: string, b: string, map: Record<string, string>) =>
      pairEvidence({ ...query(normalizeForSearch(a)), placesIn: places(map) }, [], { key: normalizeForSearch(b), terms: new Map(), trigram: 0 }, stats);
    const countries = { algeria: 'algeria', morocco: 'morocco', spain: 'spain', portugal: 'portugal', турции: 'turkiye', египту: 'egypt', россия: 'russia' };
    expect(withPlaces('Algeria will co-host the 2030 World Cup with Spain and Portugal', 'Morocco will co-host the 2030 World Cup with Spain and Portugal', countries).otherStory).toEqual({
      kind: MatchReasonKind.OTHER_ACTOR,
      values: ['algeria', 'morocco'],
    });
    expect(withPlaces('Россия выделит Турции кредит на АЭС', 'Россия выделит Египту кредит на АЭС', countries).otherStory?.kind).toBe(MatchReasonKind.OTHER_ACTOR);
    // Another word beside the other country: a wider or narrower wording, not a substitution.
    expect(withPlaces('Morocco will co-host the 2030 World Cup', 'The 2030 World Cup will be held in Spain, Portugal and Morocco', countries).otherStory).toBeNull();
  });
});

describe('another holder of the same office', () => {
  const substituted = (a: string, b: string) => substitutedPerson(capitalisedNames(a).map(normalizeForSearch), normalizeForSearch(a).split(' '), normalizeForSearch(b).split(' '));

  it.each([
    ['another speaker elected', "Iraq's parliament elected Mohammed al-Halbousi as its new speaker", "Iraq's parliament elected Mahmoud al-Mashhadani as its new speaker", ['mohammed', 'mahmoud']],
    ['another governor arrested', "Lebanon's central bank governor Wassim Mansouri was arrested in Beirut", 'Former Lebanese central bank governor Riad Salameh was arrested in Beirut', ['wassim', 'riad']],
    ['another ship attacked', 'Houthi rebels attacked the British-flagged oil tanker Cordelia Moon in the Red Sea', 'Houthi rebels attacked the Greek-flagged oil tanker Sounion in the Red Sea', ['cordelia', 'sounion']],
    ['another region, in Russian', 'ПВО сбили 12 беспилотников над Курской областью', 'ПВО сбили 12 беспилотников над Белгородской областью', ['курскои', 'белгородскои']],
  ])('tells %s', (_, a, b, words) => {
    expect(substituted(a, b)).toEqual(words);
  });

  it.each([
    ['the same person under another spelling', 'Parliament elected Mahmoud al-Mashhadani as speaker', 'Parliament elected Mahmoud al-Mashadani as speaker'],
    ['the same group in another form', 'Yesterday the Houthis seized a cargo ship', 'Yesterday Houthi forces seized a cargo ship'],
    ['a name inflected in Russian', 'Украина обвинена Россией в обстреле', 'Россия обвинила Украину в обстреле'],
    ['one capitalised word alone (an abbreviation)', 'Трое рабочих погибли при пожаре на НПЗ в Байджи', 'Пожар на нефтеперерабатывающем заводе в Байджи'],
    ['the same person named fully and by surname', 'Former governor Riad Salameh was arrested', 'Salameh was arrested in Beirut'],
  ])('does not take %s for another person', (_, a, b) => {
    expect(substituted(a, b)).toBeNull();
  });

  it('withholds the other holder of the office as another story, and offers a school struck for a hospital struck as one', () => {
    const e = pairEvidence(
      { ...query(normalizeForSearch("Iraq's parliament elected Mohammed al-Halbousi as speaker")), names: ['mohammed', 'halbousi'] },
      [],
      { key: normalizeForSearch("Iraq's parliament elected Mahmoud al-Mashhadani as speaker"), terms: new Map(), trigram: 0 },
      stats,
    );
    expect(e.otherStory).toEqual({ kind: MatchReasonKind.OTHER_ACTOR, values: ['mohammed', 'mahmoud'] });
    const strike = pairEvidence(query(normalizeForSearch('An Israeli strike on a hospital in Nuseirat killed 30 people')), [], { key: normalizeForSearch('An Israeli strike on a school in Nuseirat killed 30 people'), terms: new Map(), trigram: 0 }, stats);
    expect(strike.otherStory).toEqual({ kind: MatchReasonKind.OTHER_ACTOR, values: ['hospital', 'school'] });
  });
});

describe('a query read against a whole pool', () => {
  it('measures each text as a query read for it alone would, and weighs the terms with the statistics of each call', () => {
    const texts = ['rare tanf meeting held', 'common words only', 'rare meeting in tanf said 12'].map((key) => ({ key, terms: terms(...key.split(' ')), trigram: 0.2 }));
    const pool = query('rare meeting at tanf said 12', 'rare', 'meeting', 'tanf', 'said', '12');
    const once = texts.map((t) => pairMeasures(pool, [], t, stats));
    expect(once).toEqual(texts.map((t) => pairMeasures(query('rare meeting at tanf said 12', 'rare', 'meeting', 'tanf', 'said', '12'), [], t, stats)));
    // The same query with other statistics (another moment of the collection): its own weights.
    const commoner: CollectionStats = { ...stats, df: new Map([...stats.df, ['rare', 400]]) };
    const again = pairMeasures(pool, [], texts[0], commoner);
    expect(again).toEqual(pairMeasures(query('rare meeting at tanf said 12', 'rare', 'meeting', 'tanf', 'said', '12'), [], texts[0], commoner));
    expect(again.candidateIdfCoverage).not.toBeCloseTo(once[0].candidateIdfCoverage);
  });
});

describe('sentenceFeatures', () => {
  it("gives each candidate its cosine, its reciprocal rank by cosine and its distance below the pool's best", () => {
    const rows = sentenceFeatures([0.2, 0.9, 0.5]);
    expect(rows.map((r) => r.length)).toEqual([3, 3, 3].map(() => SENTENCE_FEATURE_NAMES.length));
    expect(rows.map((r) => r[0])).toEqual([0.2, 0.9, 0.5]);
    expect(rows.map((r) => r[1])).toEqual([1 / 3, 1, 1 / 2]);
    expect(rows[0][2]).toBeCloseTo(-0.7, 10);
    expect(rows[1][2]).toBe(0);
    expect(sentenceFeatures([])).toEqual([]);
  });
});
