/**
 * Words that tell a fact-checker who said what, written in their folded form (see foldWithMap:
 * hamza and alef variants folded, ta marbuta → ه, alef maqsura → ي, lower case). Patterns are
 * regular-expression sources joined into alternations by the claim finder.
 */

/** Reporting verbs that open an attribution in Arabic, as written after an optional و/ف. */
export const ARABIC_REPORTING_VERBS = [
  'افاد', 'افادت', 'اكد', 'اكدت', 'اضاف', 'اضافت', 'قال', 'قالت', 'نوه', 'نوهت', 'كشف', 'كشفت', 'تابع', 'تابعت',
  'انهي', 'انهت', 'اوضح', 'اوضحت', 'صرح', 'صرحت', 'ذكر', 'ذكرت', 'اشار', 'اشارت', 'اعلن', 'اعلنت', 'نقل', 'نقلت',
  'زعم', 'زعمت', 'ادعي', 'ادعت', 'نفي', 'نفت', 'حذر', 'حذرت', 'شدد', 'شددت', 'لفت', 'لفتت', 'اعتبر', 'اعتبرت',
  'نشر', 'نشرت', 'بث', 'بثت', 'اظهر', 'اظهرت', 'اتهم', 'اتهمت', 'يقول', 'تقول', 'قالوا', 'اكدوا', 'افادوا',
  'موكدا', 'مضيفا', 'مشيرا', 'لافتا', 'معتبرا',
];

/** Verbs that, with no subject of their own, continue the previous speaker's statement. */
export const ARABIC_CONTINUATION_VERBS = new Set([
  'اضاف', 'اضافت', 'تابع', 'تابعت', 'انهي', 'انهت', 'نوه', 'نوهت', 'اوضح', 'اوضحت', 'اكد', 'اكدت', 'اشار', 'اشارت',
  'لفت', 'لفتت', 'شدد', 'شددت', 'موكدا', 'مضيفا', 'مشيرا', 'لافتا', 'معتبرا',
]);

/** Attribution phrases introducing the source after them: بحسب سبوتنيك, وفقاً لـ, نقلاً عن. */
export const ARABIC_ACCORDING_TO = ['بحسب', 'حسب', 'وفقا ل', 'وفقا', 'طبقا ل', 'نقلا عن', 'علي حد قوله', 'علي حد تعبيره', 'في تصريح', 'في تصريحات', 'في بيان', 'تصريح', 'تصريحات'];

export const ENGLISH_REPORTING_VERBS = [
  'said', 'says', 'say', 'told', 'reported', 'reports', 'announced', 'stated', 'claimed', 'claims', 'added', 'confirmed',
  'denied', 'warned', 'alleged', 'quoted', 'insisted', 'noted', 'wrote', 'tweeted', 'posted', 'published', 'showed',
  'in a statement',
];

/** English phrases naming the source after them: "according to data compiled by LSEG", "citing officials". */
export const ENGLISH_ACCORDING_TO = ['according to', 'citing'];

/** Arabic phrases naming the source after them, as opposed to "في تصريح" which points back. */
export const ARABIC_SOURCE_INTRODUCERS = new Set(['بحسب', 'حسب', 'وفقا ل', 'وفقا', 'طبقا ل', 'نقلا عن']);

/** Heads of an outlet's name that the gazetteer does not know: صحيفة الوطن, الوكالة الوطنية للإعلام. */
export const GENERIC_OUTLET =
  '(?:ال)?(?:صحيفه|جريده|قناه|وكاله|مجله|اذاعه)\\s+(?!(?:في|من|عن|ان|الي|علي)(?![\\p{L}]))[\\p{L}]+(?:\\s+(?:[\\p{L}]+يه?|للاعلام|للانباء)(?![\\p{L}]))?';

/** Subjects that point back to the last speaker: المصدر (and the seed's typo المصد), "the source", "he". */
export const ARABIC_ANAPHORA = ['المصدر', 'المصد', 'المصادر', 'المسوول', 'المتحدث', 'الناطق'];
export const ENGLISH_ANAPHORA = ['he', 'she', 'they', 'the source', 'the sources', 'the official', 'the officials', 'the spokesman', 'the spokeswoman', 'the spokesperson'];

/** An anonymous source: a head noun, then up to three describing words (مصدر ميداني سوري). */
export const ARABIC_ANONYMOUS =
  '(?:مصدر|مصادر|مسوول|مسوولون|مسوولين|مسوولان|شهود عيان|ناشطون|ناشطين)(?:\\s+(?:مطلع|مطلعه|مطلعون|مطلعين|ميداني|ميدانيه|امني|امنيه|عسكري|عسكريه|دبلوماسي|دبلوماسيه|حكومي|حكوميه|رسمي|رسميه|مقرب|مقربه|خاص|خاصه|رفيع|رفيعه|المستوي|كبير|بارز|محلي|محليه|استخباراتي|استخباراتيه|طبي|طبيه|اهلي|اهليه|[\\p{L}]{2,}يه?)(?![\\p{L}])){1,3}';

export const ENGLISH_ANONYMOUS =
  "(?:(?:an?|two|three|four|several|some|other|multiple)\\s+)?(?:(?:senior|western|u\\.s\\.|american|israeli|security|diplomatic|military|government|intelligence|informed|local|syrian|iraqi|russian|european|administration|former|current)\\s+)*(?:sources?|officials?|persons?|people|diplomats?|officers?)\\s+(?:familiar\\s+with\\s+(?:the\\s+)?(?:matter|talks|plans?|discussions|negotiations|situation|investigation|case|deal|decision|operation|thinking|issue)|close\\s+to\\s+(?:the\\s+)?[\\p{L}-]+(?:\\s+(?:ministry|government|presidency|army|talks|leadership|family))?|briefed\\s+on\\s+(?:the\\s+)?[\\p{L}-]+|with\\s+(?:direct\\s+)?knowledge\\s+of\\s+(?:the\\s+)?[\\p{L}-]+|who\\s+(?:spoke|asked|requested|declined)\\s+(?:on\\s+(?:the\\s+)?condition\\s+of\\s+anonymity|not\\s+to\\s+be\\s+(?:named|identified)|anonymity|to\\s+remain\\s+anonymous|to\\s+be\\s+identified)|speaking\\s+on\\s+(?:the\\s+)?condition\\s+of\\s+anonymity)";
export const ENGLISH_ANONYMOUS_SHORT =
  '(?:an?|two|three|several)\\s+(?:senior\\s+)?(?:security|military|diplomatic|intelligence|government|informed|field|western|local)\\s+(?:sources?|officials?|diplomats?|officers?|commanders?)';

export interface OutletEntry {
  /** Folded spelling as it appears in text. */
  spelling: string;
  canonical: string;
  /** A news agency: what "the agency" / للوكالة refers back to. */
  agency: boolean;
}

const outlet = (canonical: string, agency: boolean, ...spellings: string[]): OutletEntry[] =>
  spellings.map((spelling) => ({ spelling, canonical, agency }));

export const OUTLETS: OutletEntry[] = [
  ...outlet('Sputnik', true, 'سبوتنيك', 'sputnik'),
  ...outlet('Reuters', true, 'رويترز', 'reuters'),
  ...outlet('AFP', true, 'فرانس برس', 'فرانس بريس', 'ا ف ب', 'afp', 'agence france-presse', 'agence france presse'),
  ...outlet('Associated Press', true, 'اسوشيتد برس', 'اسوشييتد برس', 'اسوشيتدبرس', 'associated press', 'the ap'),
  ...outlet('Anadolu', true, 'الاناضول', 'anadolu'),
  ...outlet('SANA', true, 'سانا', 'sana'),
  ...outlet('TASS', true, 'تاس', 'tass'),
  ...outlet('RIA Novosti', true, 'ريا نوفوستي', 'نوفوستي', 'ria novosti', 'ria'),
  ...outlet('Xinhua', true, 'شينخوا', 'xinhua'),
  ...outlet('Interfax', true, 'انترفاكس', 'interfax'),
  ...outlet('IRNA', true, 'ارنا', 'ايرنا', 'irna'),
  ...outlet('Tasnim', true, 'تسنيم', 'tasnim'),
  ...outlet('WAFA', true, 'وفا', 'wafa'),
  ...outlet('Bloomberg', true, 'بلومبرغ', 'بلومبيرغ', 'bloomberg'),
  ...outlet('Kyodo', true, 'كيودو', 'kyodo'),
  ...outlet('Al Jazeera', false, 'قناه الجزيره', 'الجزيره نت', 'al jazeera'),
  ...outlet('Al Arabiya', false, 'قناه العربيه', 'العربيه نت', 'al arabiya'),
  ...outlet('Al Mayadeen', false, 'الميادين', 'al mayadeen'),
  ...outlet('RT', false, 'روسيا اليوم', 'ار تي', 'russia today'),
  ...outlet('BBC', false, 'بي بي سي', 'bbc'),
  ...outlet('CNN', false, 'سي ان ان', 'cnn'),
  ...outlet('Sky News', false, 'سكاي نيوز', 'sky news'),
  ...outlet('The New York Times', false, 'نيويورك تايمز', 'the new york times', 'new york times'),
  ...outlet('The Washington Post', false, 'واشنطن بوست', 'the washington post', 'washington post'),
  ...outlet('The Wall Street Journal', false, 'وول ستريت جورنال', 'the wall street journal', 'wall street journal'),
  ...outlet('The Guardian', false, 'الغارديان', 'the guardian'),
  ...outlet('Axios', false, 'اكسيوس', 'axios'),
  ...outlet('Politico', false, 'بوليتيكو', 'politico'),
  ...outlet('Le Monde', false, 'لوموند', 'le monde'),
  ...outlet('Asharq Al-Awsat', false, 'صحيفه الشرق الاوسط', 'asharq al-awsat'),
];

/** Unnamed outlets: "وكالات إخبارية", "وسائل إعلام", "local media". */
export const UNNAMED_OUTLETS = '(?:وكالات اخباريه|وكالات انباء|وسائل اعلام(?: محليه| رسميه)?|وسائل الاعلام(?: المحليه| الرسميه)?|مواقع اخباريه|local media|state media|news agencies|media outlets|media reports)';

/** Media evidence: a video, footage, photographs. */
export const MEDIA_EVIDENCE = '(?:مقطع فيديو|مقاطع فيديو|شريط فيديو|تسجيل مصور|تسجيلا مصورا|صورا|صور|videos?|footage|photographs|photos|images)';

/** "The agency" with no name: resolved to the news agency last named in the article. */
// Followed by punctuation or a function word: "الوكالة الوطنية للإعلام" is a name, not a back-reference.
export const AGENCY_ANAPHORA =
  '(?:(?:لل|ال)وكاله(?=\\s*(?:[^\\p{L}\\s]|$|(?:في|ان|انه|عن|بان|امس|اليوم|يوم|مساء|صباح|قوله)(?![\\p{L}])))|the (?:news )?agency)';

export const DOCUMENT_HEADS = ['بيان', 'تقرير', 'وثيقه', 'وثائق', 'دراسه', 'رساله', 'statement', 'report', 'document', 'documents', 'study', 'survey', 'filing', 'indictment', 'memo', 'letter'];

export const ORGANISATION_HEADS = [
  'وزاره', 'الوزاره', 'الجيش', 'جيش', 'الحكومه', 'حكومه', 'منظمه', 'هيئه', 'المرصد', 'الامم', 'قوات', 'القوات', 'الشرطه',
  'مجلس', 'حركه', 'حزب', 'التحالف', 'البيت', 'الكرملين', 'البنتاغون', 'الخارجيه', 'الداخليه', 'الدفاع', 'رئاسه', 'شركه',
  'مكتب', 'لجنه', 'المفوضيه', 'فصايل', 'الفصايل', 'فصيل', 'جماعه', 'جماعات', 'الجماعه', 'ميليشيا', 'ميليشيات', 'الصليب', 'الهلال', 'جامعه', 'بلديه', 'محكمه', 'النيابه', 'الادعاء', 'السلطات', 'سلطات',
  'ministry', 'army', 'government', 'police', 'department', 'agency', 'council', 'organization', 'organisation',
  'commission', 'office', 'forces', 'committee', 'party', 'pentagon', 'white', 'kremlin', 'united', 'un', 'nato',
  'observatory', 'company', 'court', 'authorities', 'prosecutors', 'military', 'coalition', 'unicef', 'bank',
];

export const PERSON_TITLES = [
  'وزير', 'وزيره', 'رئيس', 'الرئيس', 'رييس', 'الرييس', 'المتحدث', 'الناطق', 'متحدث', 'ناطق', 'السفير', 'سفير', 'النائب',
  'نايب', 'قايد', 'القايد', 'مدير', 'محافظ', 'الجنرال', 'العميد', 'اللواء', 'العقيد', 'الدكتور', 'الشيخ', 'المبعوث',
  'minister', 'president', 'spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'general', 'commander',
  'director', 'governor', 'mayor', 'senator', 'envoy', 'dr', 'mr', 'mrs', 'ms', 'prime', 'secretary', 'chief',
  'colonel', 'captain', 'lieutenant', 'sheikh',
];

/** Words marking a named place: countries, regions, and the nouns that introduce one. */
export const PLACE_WORDS = [
  'سوريا', 'سوريه', 'العراق', 'لبنان', 'الاردن', 'مصر', 'ليبيا', 'اليمن', 'ايران', 'تركيا', 'روسيا', 'فلسطين', 'غزه',
  'اسراييل', 'السودان', 'تونس', 'الجزاير', 'المغرب', 'السعوديه', 'قطر', 'الامارات', 'الكويت', 'دمشق', 'حلب', 'حمص',
  'ادلب', 'الرقه', 'دير', 'تدمر', 'التنف', 'الفرات', 'بغداد', 'الموصل', 'بيروت', 'القاهره', 'طرابلس', 'صنعاء',
  'عدن', 'الخرطوم', 'ريف', 'مدينه', 'محافظه', 'منطقه', 'بلده', 'قريه', 'طريق', 'نهر', 'شمال', 'جنوب', 'شرق', 'غرب',
  'شرقي', 'غربي', 'شمالي', 'جنوبي', 'مخيم', 'معبر', 'ميناء', 'مطار', 'الحدود',
  'syria', 'iraq', 'lebanon', 'jordan', 'egypt', 'libya', 'yemen', 'iran', 'turkey', 'russia', 'ukraine', 'gaza',
  'israel', 'sudan', 'damascus', 'aleppo', 'baghdad', 'beirut', 'cairo', 'kyiv', 'moscow', 'washington', 'london',
  'paris', 'brussels', 'province', 'city', 'village', 'border', 'region', 'district', 'port', 'airport', 'capital',
];

export const ORGANISATION_WORDS = [
  'داعش', 'تنظيم', 'الجيش', 'القوات', 'قوات', 'الحكومه', 'استخبارات', 'الاستخبارات', 'الولايات', 'فرنسا', 'بريطانيا',
  'الامم', 'وزاره', 'حزب', 'حركه', 'حماس', 'مجلس', 'التحالف', 'الشرطه', 'منظمه', 'المرصد', 'الاداره', 'الجماعات',
  'ministry', 'army', 'government', 'police', 'forces', 'military', 'militants', 'council', 'united nations', 'nato',
  'islamic state', 'isis', 'hamas', 'hezbollah', 'company', 'bank', 'court', 'parliament', 'party', 'agency',
];

export const EVENT_WORDS = [
  'قتل', 'مقتل', 'قتلي', 'اغتيال', 'تدمير', 'هاجم', 'هاجمتا', 'هاجموا', 'هجوم', 'هجمات', 'الهجمات', 'قصف', 'غارات',
  'غاره', 'اعتقال', 'اعتقل', 'انفجار', 'سيطره', 'السيطره', 'نقل', 'نقلهم', 'تدريب', 'اجتماع', 'لقاءات', 'اتفاق',
  'الاتفاق', 'اصابه', 'جرحي', 'اسقاط', 'تزويد', 'اعطاب', 'استهداف', 'الاهداف', 'اختطاف', 'ارتفاع', 'انخفاض', 'ادرجت',
  'عقدت', 'وقع', 'وقعت', 'سقط', 'سقوط', 'انسحاب', 'اطلاق', 'تمويل', 'صفقه', 'فرض', 'عقوبات',
  'killed', 'killing', 'attack', 'attacked', 'attacks', 'destroyed', 'arrested', 'detained', 'met', 'meeting',
  'agreed', 'agreement', 'signed', 'launched', 'fired', 'struck', 'strike', 'strikes', 'wounded', 'injured', 'seized',
  'captured', 'withdrew', 'rose', 'fell', 'increased', 'dropped', 'transferred', 'trained', 'funded', 'shot',
  'bombed', 'sanctions', 'deal', 'approved', 'banned', 'deployed', 'evacuated', 'displaced', 'died', 'dead',
  'shelled', 'shelling', 'raided', 'bombarded', 'exploded', 'explosion', 'clashes', 'fighting',
];
