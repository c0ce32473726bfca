import { normalizeForSearch } from '@isnad/text';
import { challengedStep, challengeIn, eventVerbsIn, otherEventVerb, retracted, retractionIn } from './event-verbs';

const key = normalizeForSearch;
const other = (a: string, b: string) => otherEventVerb(key(a), key(b));

describe('the event a claim verb reports', () => {
  it.each([
    ['Arabic, the imperfect', 'الرئيس قيس سعيد يستقبل رئيس الحكومة في قصر قرطاج', ['receive']],
    ['Arabic with diacritics', 'الرَّئِيسُ يَسْتَقْبِلُ رَئِيسَ الحُكُومَةِ', ['receive']],
    ['Arabic, the dual and the verbal noun', 'إيران وروسيا توقعان معاهدة الشراكة بعد التوقيع', ['sign']],
    ['Arabic, with و', 'الرئيس يقيل رئيس الحكومة ويعين خلفا له', ['dismiss', 'appoint']],
    ['English, a phrase', 'Fidan spoke by phone with al-Sharaa', ['phone']],
    ['English, a past form', 'The parliament ratified the treaty', ['ratify']],
    ['Russian', 'Россия и Иран обсудили в Москве договор', ['discuss']],
    ['no verb of the lexicon', 'Electricity cut across most of Lebanon', []],
    ['"expects" is not "signs"', 'وزارة الكهرباء تتوقع زيادة الإنتاج', []],
  ])('reads %s', (_, text, expected) => {
    expect([...eventVerbsIn(key(text)).keys()].sort()).toEqual([...expected].sort());
  });

  it.each([
    ['received, not signed (Arabic)', 'وزير الكهرباء العراقي يستقبل وفدا من شركة سيمنس', 'وزارة الكهرباء العراقية توقع عقدا مع شركة سيمنس', ['يستقبل', 'توقع']],
    ['received, not sacked (Arabic with diacritics)', 'الرَّئِيسُ قَيْسُ سَعَيِّدُ يَسْتَقْبِلُ رَئِيسَ الحُكُومَةِ', 'الرئيس قيس سعيد يقيل رئيس الحكومة', ['يستقبل', 'يقيل']],
    ['inaugurated, not visited', 'الملك يدشن المستشفى الجامعي بمراكش', 'الملك يزور جرحى الزلزال في المستشفى الجامعي بمراكش', ['يدشن', 'يزور']],
    ['discussed, not signed (Russian)', 'Россия и Иран обсудили договор о партнерстве', 'Россия и Иран подписали договор о партнерстве', ['обсудили', 'подписали']],
    ['ratified, not signed (Arabic against Russian)', 'البرلمان الإيراني يصادق على معاهدة الشراكة مع روسيا', 'Россия и Иран подписали договор о партнерстве', ['يصادق', 'подписали']],
    ['a phone call, not a meeting', 'Fidan spoke by phone with Syria leader al-Sharaa', 'Fidan met Syria leader al-Sharaa in Damascus', ['by phone', 'met']],
    ['another effect', 'Boiled onion water irritates the stomach', 'Boiled onion water cures high blood pressure', ['irritates', 'cures']],
    ['residents returned, not the army recaptured', 'Тысячи жителей вернулись в Вад-Мадани', 'Армия Судана отбила город Вад-Мадани', ['вернулись', 'отбила']],
    ['launched, not intercepted', 'The Houthis launched a missile at Eilat', 'Israel intercepted a Houthi missile over Eilat', ['launched', 'intercepted']],
    ['cancelled, not signed', 'وزارة الكهرباء العراقية تلغي عقدها مع سيمنس', 'وزارة الكهرباء العراقية توقع عقدا مع سيمنس', ['تلغي', 'توقع']],
    ['expelled, not summoned, though both name the arrest', 'الجزائر تطرد السفير الفرنسي احتجاجا على توقيف موظف قنصلي', 'الجزائر تستدعي سفير فرنسا احتجاجا على توقيف موظف قنصلي', ['تطرد', 'تستدعي']],
    ['deported, not summoned (Russian against English)', 'Алжир выслал посла Франции', 'Algeria summoned the French ambassador', ['выслал', 'summoned']],
    ['sentenced, not executed', 'Iraq sentenced three men to death for the Baghdad bombing', 'Iraq executed three men for the Baghdad bombing', ['sentenced', 'executed']],
    ['a sentence upheld, not carried out (Arabic)', 'المحكمة تؤيد حكم الإعدام بحق ثلاثة مدانين بتفجير بغداد', 'العراق يعدم ثلاثة مدانين بتفجير بغداد', ['تويد حكم', 'يعدم']],
    ['sentenced, not executed (Russian, "смертной казни" is the sentence)', 'Суд приговорил троих к смертной казни', 'В Ираке казнили троих осужденных', ['приговорил', 'казнили']],
  ])('tells another event: %s', (_, a, b, expected) => {
    expect(other(a, b)).toEqual(expected);
  });

  it.each([
    ['met and held talks (one family)', 'Fidan held talks with al-Sharaa in Damascus', 'Fidan met al-Sharaa in Damascus'],
    ['received and met (Arabic)', 'الرئيس يستقبل وزير الخارجية التركي', 'الرئيس يلتقي وزير الخارجية التركي'],
    ['a synonym in the same class', 'The army recaptured Wad Madani', 'The army seized Wad Madani'],
    ['the same verb across languages', 'Russia and Iran signed the partnership treaty', 'إيران وروسيا توقعان معاهدة الشراكة'],
    ['a text with no verb of the lexicon', 'Treaty between Russia and Iran', 'Russia and Iran signed the treaty'],
    ['a text that tells both', 'The minister discussed and signed the contract', 'The minister signed the contract'],
    ['summoned across languages', 'Алжир вызвал посла Франции из-за ареста', 'الجزائر تستدعي سفير فرنسا احتجاجا على توقيف موظف'],
    ['deported in two words (Arabic)', 'الداخلية العراقية: ترحيل 2400 عامل أجنبي', 'وزارة الداخلية العراقية ترحل 2400 عامل أجنبي'],
  ])('does not tell another event for %s', (_, a, b) => {
    expect(other(a, b)).toBeNull();
  });
});

describe('a statement taken back', () => {
  it.each([
    ['English', 'Saudi Aramco withdrew its second-quarter profit statement, saying it had been published in error', 'withdrew'],
    ['English, walked back', 'The ministry walked back its claim that the dam had cracked', 'walked back'],
    ['Arabic, سحب with the pronoun', 'حزب الله يسحب بيانه عن خروقات إسرائيل', 'يسحب'],
    ['Arabic, تراجع عن, with diacritics', 'وِزَارَةُ التَّرْبِيَةِ تَتَرَاجَعُ عَنْ قَرَارِ إِلْغَاءِ الامْتِحَانَاتِ', 'تتراجع عن'],
    ['Russian', 'Минобороны отозвало свое заявление об ударе по Идлибу', 'отозвало'],
    ['troops withdrawn, not a statement', 'Russia withdrew its troops from the Kherson region', ''],
    ['troops withdrawn after a decision', 'Russia withdrew its troops after the decision of the council', ''],
    ['تراجع as a fall', 'تراجع الليرة اللبنانية أمام الدولار', ''],
    ['English, a report corrected', 'Suez Canal Authority corrects report that first-quarter revenue fell', 'corrects'],
    ['English, an apology', 'Kuwait apologises for accusing Iraq of violating the agreement', 'apologises for'],
    ['Arabic, an apology', 'الكويت تعتذر عن اتهام العراق بانتهاك الاتفاقية', 'تعتذر عن'],
    ['Russian, denied having said', 'Лавров опроверг, что говорил о сохранении баз в Сирии', 'опроверг что говорил'],
    ['a correct figure, not a correction', 'The figure of 1.2 billion is correct, the authority said', ''],
  ])('reads %s', (_, text, expected) => {
    expect(retractionIn(key(text))).toBe(expected);
  });

  it('tells a claim from its retraction, not from a retraction of it', () => {
    const decision = 'وزارة التربية تقرر إلغاء امتحانات الثانوية العامة';
    expect(retracted(key('وزارة التربية تتراجع عن قرار إلغاء امتحانات الثانوية العامة'), key(decision))).toBe('تتراجع عن');
    expect(retracted(key('Aramco retracted its profit report'), key('Aramco withdrew its report on profits'))).toBeNull();
    expect(retracted(key('وزارة التربية تلغي امتحانات الثانوية العامة'), key(decision))).toBeNull();
  });
});

describe('a result challenged', () => {
  it.each([
    ['English, challenges against an election', 'Kuwaiti candidates filed challenges against the 2022 parliamentary election at the constitutional court', 'challenges'],
    ['English, a ruling appealed', 'The former minister appealed the ruling', 'appealed'],
    ['Arabic, يطعن في نتائج', 'المرشح عبد العالي حساني يطعن في نتائج الانتخابات الرئاسية أمام المحكمة الدستورية', 'يطعن'],
    ['Arabic, طعون', 'المحكمة الدستورية تتلقى طعونا في نتائج الانتخابات', 'طعونا'],
    ['Russian, итоги обжалованы', 'Кандидат обжаловал итоги выборов в Конституционном суде', 'обжаловал'],
    ['the appeals court, no challenge', 'The appeals court upheld the verdict against the former president', ''],
    ['a challenge with no result', 'The challenges facing the new government are many', ''],
    ['طعن, a stabbing', 'طعن شرطي في هجوم بسكين في باريس', ''],
  ])('reads %s', (_, text, expected) => {
    expect(challengeIn(key(text))).toBe(expected);
  });

  it('tells a challenge from the result it challenges, not from another challenge', () => {
    expect(challengedStep(key('Kuwaiti candidates filed challenges against the 2022 parliamentary election'), key("Kuwait's constitutional court annulled the 2022 parliamentary election"))).toEqual(['challenges']);
    expect(challengedStep(key('المرشح حساني يطعن في نتائج الانتخابات الرئاسية'), key('المحكمة الدستورية تعلن فوز تبون بولاية ثانية بنسبة 84.3%'))).toEqual(['يطعن']);
    expect(challengedStep(key('Candidates challenged the election results'), key('Candidates filed appeals against the election results'))).toBeNull();
    expect(challengedStep(key("Kuwait's constitutional court annulled the 2022 election"), key('Kuwait court annuls 2022 parliamentary election'))).toBeNull();
  });
});
