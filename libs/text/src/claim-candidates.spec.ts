import { cleanArticleText } from './boilerplate-clean';
import { ClaimCandidate, findClaimCandidates, SuggestedHop } from './claim-candidates';
import { sliceByCodePoints } from './code-points';
import { readSeedArticle } from './testing/fixtures';

const PUBLISHED = '2024-02-02T10:00:00+03:00';
const seedText = (): string => cleanArticleText(readSeedArticle()).text;
const candidateContaining = (candidates: ClaimCandidate[], fragment: string): ClaimCandidate | undefined =>
  candidates.find((c) => c.exact.includes(fragment));
const chainOf = (candidate: ClaimCandidate | undefined): Array<[string, string, string | undefined]> =>
  (candidate?.suggestedChain ?? []).map((h: SuggestedHop) => [h.kind, h.relation, h.canonicalName ?? h.descriptor ?? h.name]);

const INFORMED_SOURCE_VIA_SPUTNIK = [
  ['ANONYMOUS', 'ORIGIN', 'مصدر مطلع'],
  ['OUTLET', 'RELAYED', 'Sputnik'],
];

describe('findClaimCandidates on the seed article', () => {
  const candidates = findClaimCandidates(seedText(), { publishedAt: PUBLISHED });

  // The checkable statements a fact-checker lists for the seed, each by a fragment of its wording.
  const statements: Array<[string, string]> = [
    ['Western intelligence met ISIS field commanders in Syria this year', 'اجتماع استخبارات أمنية لعدة دول غربية'],
    ['meetings at al-Tanf and in neighbouring countries since the start of the year', 'منطقة التنف'],
    ['stepping up attacks on Syrian government forces and Russian bases was discussed', 'تكثيف الهجمات'],
    ['churches, mosques and places of worship put on the target list', 'كنائس مسيحية ومساجد'],
    ['agreement to supply financing, technology, ammunition and weapons', 'بالتمويل والتقنيات والذخيرة'],
    ['ISIS fighters moved by the US from Iraq west of the Euphrates and trained by US instructors', 'تحت إشراف مدربين أميركيين'],
    ['Russian servicemen named as priority targets', 'العسكريون الروس'],
    ['two administrators of the Tal al-Shayer council assassinated', 'اغتيال مسؤولتين إداريتين'],
    ['Russian helicopters destroyed one 4x4 and disabled another', 'تدمير سيارة دفع رباعي'],
    ['the attack on a Syrian army convoy on the Deir ez-Zor–Palmyra road, on video', 'طريق دير الزور- تدمر'],
    ['the 25 January report of the attack on a military bus', 'هاجموا حافلة عسكرية'],
  ];

  it.each(statements)('proposes the statement that %s', (_story, fragment) => {
    expect(candidateContaining(candidates, fragment)).toBeDefined();
  });

  it('proposes neither the title, the comment counter nor the comment form', () => {
    expect(candidates.map((c) => c.exact)).not.toContain('تنظيم داعش في سوريا يلتقي استخبارات دول غربية');
    expect(candidates.some((c) => /اترك رد|بريدك الإلكتروني|^0$/u.test(c.exact))).toBe(false);
  });

  it.each([
    ['the opening report', 'أفاد مصدر مطلع'],
    ['"confirmed, according to Sputnik"', 'وأكد المصدر بحسب سبوتنيك'],
    ['"the source added"', 'وأضاف المصدر'],
    ['the typo "المصد المطلع"', 'المصد المطلع'],
    ['"the source continued"', 'وتابع المصدر'],
    ['"the source noted" with shadda', 'ونوَّه المصدر'],
    ['"the source ended his statement"', 'وأنهى المصدر تصريحه'],
  ])('carries the informed source → Sputnik chain to %s', (_story, fragment) => {
    expect(chainOf(candidateContaining(candidates, fragment))).toEqual(INFORMED_SOURCE_VIA_SPUTNIK);
  });

  it('resolves "للوكالة" in the 25 January report to Sputnik and dates it', () => {
    const report = candidateContaining(candidates, 'مصدر ميداني سوري');
    expect(chainOf(report)).toEqual([
      ['ANONYMOUS', 'ORIGIN', 'مصدر ميداني سوري'],
      ['OUTLET', 'RELAYED', 'Sputnik'],
    ]);
    expect(report?.suggestedChain[1].name).toBe('سبوتنيك');
    expect(report?.dates.map((d) => d.date)).toEqual(['2024-01-25']);
    expect(report?.reasons).toEqual(expect.arrayContaining(['ATTRIBUTION', 'ANONYMOUS_SOURCE', 'DATE']));
  });

  it('treats the news agencies’ video as media evidence from unnamed outlets', () => {
    expect(chainOf(candidateContaining(candidates, 'مقطع فيديو يظهر'))).toEqual([
      ['MEDIA', 'ORIGIN', 'مقطع فيديو'],
      ['OUTLET', 'RELAYED', 'وكالات إخبارية'],
    ]);
  });

  it('gives the outlet’s own reporting ("in another context") no borrowed source', () => {
    expect(chainOf(candidateContaining(candidates, 'اغتيال مسؤولتين'))).toEqual([]);
  });

  it('anchors every candidate by code point offsets, prefix and suffix that round-trip', () => {
    const text = seedText();
    for (const c of candidates) {
      expect(sliceByCodePoints(text, c.start, c.end)).toBe(c.exact);
      expect(sliceByCodePoints(text, Math.max(0, c.start - c.prefix.length), c.start)).toBe(c.prefix);
      expect(c.prefix.length).toBeLessThanOrEqual(32 * 2);
      expect(Array.from(c.suffix).length).toBeLessThanOrEqual(32);
      expect(c.score).toBeGreaterThan(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
  });
});

describe('findClaimCandidates: attribution cues and chains', () => {
  it.each<[string, string, Array<[string, string, string | undefined]>]>([
    [
      'an official told Reuters',
      'Interior Minister Khalid Nasser told Reuters on Tuesday that 40 fighters were arrested in Raqqa province.',
      [['PERSON', 'ORIGIN', 'Interior Minister Khalid Nasser'], ['OUTLET', 'RELAYED', 'Reuters']],
    ],
    [
      'an agency citing sources familiar with the matter',
      'Reuters reported, citing two sources familiar with the matter, that the army withdrew 300 troops from the border.',
      [['ANONYMOUS', 'ORIGIN', 'two sources familiar with the matter'], ['OUTLET', 'RELAYED', 'Reuters']],
    ],
    [
      'officials speaking on condition of anonymity',
      'Three officials who spoke on condition of anonymity said the strike killed 12 militants near Aleppo.',
      [['ANONYMOUS', 'ORIGIN', 'Three officials who spoke on condition of anonymity']],
    ],
    [
      'Arabic ministry statement relayed by SANA, with diacritics and tatweel',
      'وقالـت وزارةُ الدفاع السورية، وفقاً لوكالة سانا، إن قواتها دمرت 5 آليات في ريف حماة.',
      [['ORGANISATION', 'ORIGIN', 'وزارةُ الدفاع السورية'], ['OUTLET', 'RELAYED', 'SANA']],
    ],
    [
      'Arabic-Indic digits and a source close to the government',
      'وأفاد مصدر حكومي مقرب لقناة الجزيرة بمقتل ١٢ عنصراً في قصف على مدينة إدلب.',
      [['ANONYMOUS', 'ORIGIN', 'مصدر حكومي مقرب'], ['OUTLET', 'RELAYED', 'Al Jazeera']],
    ],
    [
      'a subject placed before the verb with كان … قد',
      'وكانت فصائل مسلحة قد أعلنت الأسبوع الماضي مسؤوليتها عن قصف استهدف مطار حماة العسكري.',
      [['ORGANISATION', 'ORIGIN', 'فصائل مسلحة']],
    ],
    [
      'a paper relaying an official with نقلت … عن',
      'ونقلت صحيفة الوطن عن مسؤول في المحافظة قوله إن ٣٤٠٠ عائلة ما زالت تقيم في مراكز إيواء مؤقتة في حلب.',
      [['ANONYMOUS', 'ORIGIN', 'مسؤول في المحافظة'], ['OUTLET', 'RELAYED', 'صحيفة الوطن']],
    ],
    [
      'بحسب naming an organisation rather than an outlet',
      'وبحسب أرقام المفوضية السامية للأمم المتحدة لشؤون اللاجئين، وصل أكثر من 31 ألف مهاجر إلى إيطاليا منذ بداية العام.',
      [['ORGANISATION', 'ORIGIN', 'أرقام المفوضية السامية للأمم المتحدة لشؤون اللاجئين']],
    ],
    [
      'a named agency is not a back-reference to "the agency"',
      'قُتل ثلاثة أشخاص جراء غارة استهدفت سيارة على طريق بلدة الناقورة جنوبي لبنان، بحسب ما أفادت الوكالة الوطنية للإعلام.',
      [['OUTLET', 'ORIGIN', 'الوكالة الوطنية للإعلام']],
    ],
    [
      'an appositive between the speaker and the verb',
      'COGAT, the Israeli military body that coordinates aid, said it had not restricted the number of trucks entering Gaza.',
      [['ORGANISATION', 'ORIGIN', 'COGAT']],
    ],
    [
      'an official speaking on condition of anonymity, set off by commas',
      'An Egyptian official at the crossing, speaking on condition of anonymity, told Al Jazeera that Israeli inspections caused the delays.',
      [['ANONYMOUS', 'ORIGIN', 'An Egyptian official at the crossing'], ['OUTLET', 'RELAYED', 'Al Jazeera']],
    ],
    [
      'a spokesman’s title followed by his name between Arabic commas',
      'وأوضح المتحدث باسم الحرس، حسام الدين الجبابلي، أن أغلب المهاجرين الـ410 من دول أفريقيا جنوب الصحراء.',
      [['PERSON', 'ORIGIN', 'المتحدث باسم الحرس، حسام الدين الجبابلي']],
    ],
    [
      'according to a U.S. body, with the initialism kept whole',
      'According to a U.S. Central Command statement, a warship responded to a distress call near Aden.',
      [['DOCUMENT', 'ORIGIN', 'a U.S. Central Command statement']],
    ],
  ])('%s', (_story, text, chain) => {
    const [candidate] = findClaimCandidates(text);
    expect(candidate).toBeDefined();
    expect(chainOf(candidate)).toEqual(chain);
  });

  it('continues an English speaker with "he added" and takes a later relay back to the first sentence', () => {
    const text = 'A senior Western diplomat said the talks in Geneva collapsed on Monday after 3 rounds. He added, speaking to AFP, that sanctions on the central bank would follow.';
    const candidates = findClaimCandidates(text, { publishedAt: '2024-03-06' });
    expect(candidates).toHaveLength(2);
    for (const c of candidates) expect(chainOf(c)).toEqual([['ANONYMOUS', 'ORIGIN', 'A senior Western diplomat'], ['OUTLET', 'RELAYED', 'AFP']]);
  });

  it('keeps the speaker when "المكتب" repeats the head noun of "مكتب الأمم المتحدة"', () => {
    const text = 'أعلن مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية أن 85 ألف شخص نزحوا من شمال غزة. وأوضح المكتب في تقريره أن 14 مستشفى فقط من أصل 36 تعمل.';
    const names = findClaimCandidates(text).map((c) => c.suggestedChain[0]?.name);
    expect(names).toEqual(['مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية', 'مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية']);
  });

  it.each<[string, string, string[]]>([
    ['an event word carrying the article ال', 'وقال مسؤول إن الغارات دمرت مخزنين للوقود.', ['ATTRIBUTION', 'EVENT']],
    ['an event word after و + ب + ال', 'وأفاد شهود بالقصف على مدينة حلب فجراً.', ['ATTRIBUTION', 'PLACE', 'EVENT']],
    ['a month name in English copy', 'Inflation in the euro zone fell to 2.4% in March from 2.6% in February.', ['NUMBER', 'EVENT', 'DATE']],
    ['a Latin proper noun', 'Officials said the Rapid Support Forces shelled the camp.', ['ATTRIBUTION', 'ORGANISATION', 'EVENT', 'NAMED_ENTITY']],
  ])('gives the reasons for %s', (_story, text, reasons) => {
    expect(findClaimCandidates(text, { minScore: 0 })[0]?.reasons).toEqual(reasons);
  });

  it.each([
    ['an opinion with no checkable content', 'قال الكاتب إنه يشعر بالتفاؤل.'],
    ['a question', 'هل سيعقد الاجتماع في دمشق أم لا؟'],
    ['a short caption', 'صورة أرشيفية'],
    ['an English feeling', 'He said he was happy.'],
  ])('does not propose %s', (_story, text) => {
    expect(findClaimCandidates(text)).toEqual([]);
  });
});
