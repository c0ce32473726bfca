/**
 * What a claim's verb says happened, from a small hand-written lexicon of news verbs in Arabic,
 * English and Russian (written for this repository): "received a delegation" and "signed a contract"
 * with the same actors and object are two events, as are "discussed the treaty" and "signed the
 * treaty", "spoke by phone" and "met", "cures" and "irritates". Verbs are grouped into classes
 * (synonyms: "met", "held talks", "التقى", "встретился"), and classes into families of events that one
 * report may tell in either word (meeting, receiving, visiting and talks): two texts whose verbs
 * share no family report other events. Also the words by which a speaker takes back what it said
 * ("withdrew its statement", "تراجع عن", "отозвал заявление"). Pure functions over search keys
 * (lower case; Arabic folded: ة → ه, أ → ا, ى → ي).
 *
 * The direction axes of claim-predicates.ts (opened/closed, arrested/released, raised/cut) are not
 * repeated here: they answer CONTRADICTS. Neither are the nouns of its event kinds (the treaty, the
 * agreement), which both texts of "discussed the treaty" / "signed the treaty" hold.
 */
import { entryOf, IndexedTable, labelsOf, MEETING, tableOf, VerbWords, withoutConjunction, wordsOf } from './claim-predicates';
import { remembered } from './remembered';

/** One class of verbs: its family, and its words. */
interface VerbClass extends VerbWords {
  family: string;
}

// Arabic: perfect (3rd masc., fem., dual, plural), imperfect (masc., fem., dual) and the verbal noun.
// Forms that are also a common other word are left out (عين "eye", وقع "happened", يسقط and تسقط "falls").
export const EVENT_VERBS: Record<string, VerbClass> = {
  sign: {
    family: 'sign',
    en: ['sign', 'signed', 'signing'],
    ar: ['يوقع', 'توقع', 'توقعان', 'يوقعان', 'وقعا', 'وقعوا', 'توقيع'],
    ru: ['подписал', 'подписан', 'подпишут', 'подпишет', 'подписыва'],
  },
  // Money paid out of a package or loan already agreed: a later step than its signing or approval.
  // (Not "transferred", перевел: prisoners and patients are transferred; not перечислил: "listed"; not صرف alone: سعر الصرف.)
  disburse: {
    family: 'disburse',
    en: ['disburse', 'disbursed', 'disburses', 'disbursing', 'disbursement'],
    ar: ['صرف الدفعه', 'صرفت الدفعه', 'يصرف الدفعه', 'تصرف الدفعه', 'صرف الشريحه', 'صرفت الشريحه', 'يصرف الشريحه', 'تصرف الشريحه'],
    ru: ['выплатил', 'выплатила', 'выплатили'],
  },
  ratify: {
    family: 'ratify',
    en: ['ratify', 'ratified', 'ratifies', 'ratification'],
    ar: ['صادق', 'يصادق', 'تصادق', 'صادقت', 'صادقا', 'مصادقه'],
    ru: ['ратифицир', 'ратификац'],
  },
  // Meeting, receiving, visiting and talks: one family, whose words claim-predicates' MEETING holds.
  ...Object.fromEntries(Object.entries(MEETING).map(([name, words]): [string, VerbClass] => [name, { family: 'meeting', ...words }])),
  phone: {
    family: 'phone',
    en: ['phone', 'phoned', 'telephone', 'by phone'],
    ar: ['اتصال', 'اتصالا', 'هاتفي', 'هاتفيا', 'هاتفيه'],
    ru: ['телефон', 'созвон'],
  },
  summon: {
    family: 'summon',
    en: ['summon', 'summoned'],
    ar: ['استدعي', 'يستدعي', 'تستدعي', 'استدعت', 'استدعاء'],
    // (вызвал alone: also "caused".)
    ru: ['вызвал посла', 'вызвала посла', 'вызвали посла', 'вызвало посла', 'вызов посла'],
  },
  expel: {
    family: 'expel',
    en: ['expel', 'expelled', 'deport', 'deportation'],
    ar: ['طرد', 'يطرد', 'تطرد', 'طردت', 'ترحيل', 'يرحل', 'ترحل', 'رحلت'],
    ru: ['выслал', 'высыла', 'выслан', 'депорт', 'выдвор'],
  },
  inaugurate: {
    family: 'inaugurate',
    en: ['inaugurate', 'inaugurated', 'inauguration'],
    ar: ['دشن', 'يدشن', 'تدشن', 'دشنت', 'تدشين'],
    ru: ['торжественно открыл', 'инаугурац'],
  },
  dismiss: {
    family: 'dismiss',
    en: ['sack', 'dismiss', 'oust'],
    ar: ['اقال', 'يقيل', 'تقيل', 'اقالت', 'اقاله', 'عزل', 'يعزل'],
    ru: ['уволи', 'отправил в отставку', 'снял с должности'],
  },
  appoint: {
    family: 'appoint',
    en: ['appoint', 'appointment'],
    ar: ['يعين', 'عينت', 'تعيين'],
    ru: ['назнач'],
  },
  cancel: {
    family: 'cancel',
    en: ['cancel', 'cancelled', 'canceled', 'scrap', 'scrapped', 'annul', 'revoke'],
    ar: ['الغي', 'يلغي', 'تلغي', 'الغت', 'الغاء'],
    ru: ['отмен', 'аннулир', 'расторг'],
  },
  launch: {
    family: 'launch',
    en: ['launch', 'fire rockets', 'fired rockets', 'fire missiles', 'fired missiles'],
    ar: ['اطلق صواريخ', 'اطلقت صواريخ', 'يطلق صواريخ', 'تطلق صواريخ', 'اطلاق صواريخ'],
    ru: ['запуст', 'выпустил'],
  },
  intercept: {
    family: 'intercept',
    en: ['intercept', 'shot down', 'shoot down', 'shoots down'],
    ar: ['اعترض', 'يعترض', 'تعترض', 'اعترضت', 'اعتراض', 'اسقط', 'اسقطت', 'اسقاط'],
    ru: ['перехват', 'сбил', 'сбит'],
  },
  cure: {
    family: 'cure',
    en: ['cure', 'heal', 'treat'],
    ar: ['يعالج', 'تعالج', 'عالج', 'علاج', 'يشفي', 'تشفي', 'شفاء'],
    ru: ['лечит', 'излеч', 'вылеч'],
  },
  harm: {
    family: 'harm',
    en: ['harm', 'irritate', 'damage'],
    ar: ['يضر', 'تضر', 'يهيج', 'تهيج', 'يوذي', 'توذي'],
    ru: ['вредит', 'вредн', 'раздража', 'поврежда'],
  },
  return: {
    family: 'return',
    en: ['return', 'came back'],
    ar: ['عاد', 'عادت', 'عادوا', 'يعود', 'تعود', 'يعودون', 'عوده'],
    ru: ['вернул', 'возвращ'],
  },
  // A sentence and its execution are two steps: "sentenced to death" is not "executed". The nouns that
  // name both (حكم الإعدام, смертная казнь, "death sentence") are left out.
  sentence: {
    family: 'sentence',
    en: ['sentence', 'sentenced', 'uphold', 'upheld'],
    // (Not يحكم "rules", يقضي "stipulates", تؤيد "supports": only a sentence upheld.)
    ar: ['حكمت', 'قضت', 'تويد حكم', 'يويد حكم', 'ايدت حكم', 'ايد حكم'],
    ru: ['приговорил', 'приговорен', 'приговорив', 'приговаривает', 'утвердил приговор', 'оставил в силе'],
  },
  execute: {
    family: 'execute',
    en: ['execute', 'executed', 'executes', 'hanged'],
    ar: ['اعدم', 'اعدمت', 'يعدم', 'تعدم', 'اعدموا'],
    ru: ['казнил', 'казнен', 'казнят', 'казнит'],
  },
  capture: {
    family: 'capture',
    en: ['capture', 'recapture', 'seize', 'take control', 'took control', 'retake', 'retook'],
    ar: ['سيطر', 'يسيطر', 'تسيطر', 'سيطرت', 'استعاد', 'يستعيد', 'تستعيد', 'استعادت', 'استعاده'],
    ru: ['отбил', 'захват', 'овладел', 'взял под контроль', 'взяла под контроль', 'взяли под контроль'],
  },
};

/** Arabic forms of a word as the lexicon lists them: as written, without و/ف, without the article. */
function listedForms(word: string): string[] {
  const [bare] = withoutConjunction(word);
  const forms = [word, bare];
  const article = ['ال', 'بال', 'لل'].find((a) => bare.startsWith(a) && bare.length - a.length >= 3);
  if (article) forms.push(bare.slice(article.length));
  return forms;
}

function lexiconOf(classes: Record<string, VerbWords>): IndexedTable {
  return tableOf(Object.fromEntries(Object.entries(classes).map(([name, words]) => [name, wordsOf(words)])));
}

/** The lexicon's entries a search key holds: entry name → the first word (or phrase) that names it. */
const entriesIn = (lexicon: IndexedTable, key: string) => labelsOf(lexicon, key, listedForms);

const VERBS = lexiconOf(EVENT_VERBS);

/** The classes of event verb a search key holds, each with its first word (remembered: a claim text is read against many queries). */
export const eventVerbsIn = remembered((key: string): Map<string, string> => entriesIn(VERBS, key));

/**
 * Other events told of the same story: both texts hold a verb of the lexicon and no family of
 * events is common to them ("يستقبل" against "توقع عقدا"; "обсудили договор" against "подписали
 * договор"): a word of each, the query's first; null when they share a family or either holds none.
 */
export function otherEventVerb(queryKey: string, candidateKey: string): [string, string] | null {
  const q = eventVerbsIn(queryKey);
  if (!q.size) return null;
  const c = eventVerbsIn(candidateKey);
  if (!c.size || shareFamily(q, c)) return null;
  return [[...q.values()][0], [...c.values()][0]];
}

/** True when two texts' verb classes (eventVerbsIn) share a family of events. */
function shareFamily(q: ReadonlyMap<string, string>, c: ReadonlyMap<string, string>): boolean {
  const families = new Set([...c.keys()].map((name) => EVENT_VERBS[name].family));
  return [...q.keys()].some((name) => families.has(EVENT_VERBS[name].family));
}

/**
 * Both texts hold a verb of the lexicon of one family ("Algeria summoned the French ambassador" and
 * "Libya's attorney general summoned officials"): the same kind of deed, perhaps by other actors or
 * elsewhere, as claim-predicates' sameEventKind tells it of its event kinds.
 */
export function sameEventVerb(queryKey: string, candidateKey: string): boolean {
  const q = eventVerbsIn(queryKey);
  if (!q.size) return false;
  const c = eventVerbsIn(candidateKey);
  return c.size > 0 && shareFamily(q, c);
}

// A speaker taking back what it said: a verb of withdrawing followed, within RETRACTED_REACH words,
// by what is withdrawn (a statement, a decision), or a word that says it alone (retract, تراجع عن).
const WITHDRAWING = lexiconOf({
  withdraw: {
    en: ['withdraw', 'withdrew', 'withdrawn', 'pull', 'pulled', 'take back', 'took back', 'correct', 'corrected'],
    ar: ['سحب', 'يسحب', 'تسحب', 'سحبت', 'صحح', 'يصحح', 'تصحح', 'صححت'],
    ru: ['отозвал', 'отзыва', 'отозвана', 'исправил'],
  },
});
const WITHDRAWN = lexiconOf({
  statement: {
    en: ['statement', 'claim', 'remark', 'comment', 'report', 'announcement', 'decision', 'tweet'],
    ar: ['بيان', 'بيانه', 'بيانها', 'تصريح', 'تصريحه', 'تصريحها', 'تصريحات', 'تصريحاته', 'تصريحاتها', 'قرار', 'قراره', 'قرارها', 'تغريده', 'تغريدته', 'تغريدتها', 'اعلان', 'اعلانه', 'اعلانها'],
    ru: ['заявлен', 'сообщени', 'решени', 'слова', 'публикац'],
  },
});
const RETRACTING = lexiconOf({
  retract: {
    en: [
      'retract', 'retraction', 'backtrack', 'walk back', 'walked back', 'walks back', 'published in error', 'u turn',
      'apologise for', 'apologised for', 'apologises for', 'apologize for', 'apologized for', 'apologizes for',
      'denied having said', 'denies having said', 'denied saying', 'denies saying',
    ],
    ar: ['تراجع عن', 'تتراجع عن', 'يتراجع عن', 'تراجعت عن', 'عدل عن', 'تعدل عن', 'يعدل عن', 'عدلت عن', 'اعتذر عن', 'اعتذرت عن', 'يعتذر عن', 'تعتذر عن'],
    ru: [
      'дезавуир', 'отказался от своих слов', 'отказалась от своих слов', 'отказались от своих слов', 'опроверг свое заявление', 'опровергла свое заявление',
      'извинил', 'опроверг что говорил', 'опровергла что говорила', 'опроверг что заявлял', 'опровергла что заявляла',
    ],
  },
});
const RETRACTED_REACH = 5;
// Words after which what follows is no longer what was withdrawn ("withdrew its troops after the decision").
const REACH_ENDS = new Set(['from', 'after', 'in', 'over', 'من', 'بعد', 'في', 'из', 'после', 'в']);

/** The word by which a search key takes back a statement or decision ("withdrew its statement", "تراجع عن", "отозвал заявление"), if any. */
export const retractionIn = remembered((key: string): string => {
  const words = key.split(' ');
  for (let i = 0; i < words.length; i++) {
    const pair = `${words[i]} ${words[i + 1] ?? ''}`;
    // One word holds no phrase: its entry is read word by word (entryOf, remembered), without a map per word.
    const verb = (entryOf(WITHDRAWING, words[i], listedForms) ? words[i] : undefined) ?? WITHDRAWING.phrases.find(([phrase]) => phrase === pair)?.[0];
    if (!verb) continue;
    const reach = words.slice(i + 1, i + 1 + RETRACTED_REACH);
    const end = reach.findIndex((w) => REACH_ENDS.has(w));
    if (reach.slice(0, end < 0 ? reach.length : end).some((w) => entryOf(WITHDRAWN, w, listedForms) !== undefined)) return verb;
  }
  return entriesIn(RETRACTING, key).get('retract') ?? '';
});

/** One text takes back a statement and the other does not: the retraction's word; null otherwise. */
export function retracted(queryKey: string, candidateKey: string): string | null {
  const q = retractionIn(queryKey);
  const c = retractionIn(candidateKey);
  return !q !== !c ? q || c : null;
}

// A challenge to a result or a decision, a later step of its story than the result itself: "filed
// challenges against the 2022 election", "يطعن في نتائج الانتخابات", "обжаловал итоги выборов". The
// verb or its noun, then within CHALLENGED_REACH words what is challenged (a result, a vote, a ruling).
// Not "contest" (a competition; "a contested election" is the election), not "the appeals court".
const CHALLENGING =
  /^(?:challenge|challenges|challenged|challenging|appeal|appealed|appealing|appeals|و?(?:ب|ل)?(?:ال)?طعو?نا?|و?طعنت|و?طعنوا|و?[يت]طعن|و?[يت]طعنون|обжал\S*|оспор\S*|оспарива\S*)$/u;
const CHALLENGED =
  /^(?:results?|outcome|elections?|vote|ballot|ruling|verdict|decision|sentence|و?(?:ب|ل)?(?:ال)?(?:نتائج|نتيجه|انتخابات|قرار|حكم)|итог\S*|результат\S*|выбор\S*|решени\S*|приговор\S*)$/u;
const CHALLENGED_REACH = 4;
const NOT_A_CHALLENGE = new Set(['court', 'courts', 'judge', 'judges']);

/** The word by which a search key challenges a result or a decision (CHALLENGING, then CHALLENGED within reach), if any. */
export const challengeIn = remembered((key: string): string => {
  const words = key.split(' ');
  for (let i = 0; i < words.length; i++) {
    if (!CHALLENGING.test(words[i]) || NOT_A_CHALLENGE.has(words[i + 1] ?? '')) continue;
    if (words.slice(i + 1, i + 2 + CHALLENGED_REACH).some((w) => CHALLENGED.test(w))) return words[i];
  }
  return '';
});

/**
 * One text challenges a result or a decision and the other does not ("candidates filed challenges
 * against the election" against "the court annulled the election"; "يطعن في نتائج الانتخابات" against
 * "تعلن فوز تبون"): another step of the story, the challenge's word; null otherwise.
 */
export function challengedStep(queryKey: string, candidateKey: string): string[] | null {
  const q = challengeIn(queryKey);
  const c = challengeIn(candidateKey);
  return !q !== !c ? [q || c] : null;
}
