/**
 * What a claim says happened, read from small hand-written tables in Arabic, English and Russian:
 * the direction a text gives a change (raised or cut, opened or closed, arrived or left) and the
 * kind of event it reports (killed, cases recorded, vaccines delivered, an agreement signed...).
 * Two texts with the same actors and places but opposite directions contradict each other; two
 * that report events of different kinds are different claims. Pure functions over search keys
 * (Arabic folded: ة → ه, أ → ا, ى → ي; lower case). The tables are language-neutral, so a
 * cross-language pair is compared too.
 */
import { figuresIn, hasArabicScript } from './match-scoring';
import { perObject, remembered } from './remembered';

/** An axis of change: the words that move it one way, and those that move it the other way. */
interface DirectionAxis {
  name: string;
  forward: string[];
  backward: string[];
}

// English words are base forms or irregular forms (-s, -es, -ed, -d, -ing are tried off);
// Arabic words are stems without clitics or the verb's person prefix (see arabicForms);
// Russian words are stems matched as the beginning of a word.
const DIRECTIONS: DirectionAxis[] = [
  {
    name: 'level',
    // A currency or a market that recovers rises ("the rial recovered to 1,600", يتعافى).
    forward: ['raise', 'rise', 'rose', 'risen', 'increase', 'hike', 'boost', 'higher', 'recover', 'rebound', 'رفع', 'زياده', 'زاد', 'زيد', 'ارتفاع', 'ارتفع', 'رتفع', 'تعافي', 'повыс', 'подня', 'увелич', 'вырос'],
    backward: ['cut', 'reduce', 'lower', 'decrease', 'fall', 'fell', 'drop', 'slash', 'ease', 'trim', 'خفض', 'تخفيض', 'انخفاض', 'انخفض', 'نخفض', 'تقليص', 'قلص', 'نقص', 'تراجع', 'сократ', 'сниз', 'пониз', 'уменьш', 'упал', 'паден'],
  },
  {
    name: 'open',
    forward: ['open', 'reopen', 'resume', 'فتح', 'افتتح', 'فتتح', 'استانف', 'ستانف', 'استئناف', 'откры', 'возобнов'],
    backward: ['close', 'shut', 'suspend', 'halt', 'stop', 'cease', 'اغلق', 'غلق', 'اغلاق', 'علق', 'تعليق', 'اوقف', 'وقف', 'تعطيل', 'عطل', 'закры', 'приостанов', 'прекрат', 'останов'],
  },
  {
    name: 'arrive',
    forward: ['arrive', 'arrival', 'reach', 'وصل', 'صل', 'وصول', 'прибы', 'приех'],
    // Evacuating is leaving: "ordered residents to evacuate" and "to leave their homes" (and not shelling).
    backward: ['leave', 'left', 'depart', 'departure', 'evacuate', 'evacuation', 'غادر', 'مغادره', 'اخلاء', 'باخلاء', 'لاخلاء', 'اجلاء', 'باجلاء', 'جلي', 'покину', 'уех', 'эвакуа', 'эвакуир'],
  },
  {
    name: 'confirm',
    forward: ['confirm', 'اكد', 'وكد', 'تاكيد', 'подтверд'],
    backward: ['deny', 'denied', 'نفي', 'نفت', 'ينفي', 'опроверг'],
  },
  {
    name: 'allow',
    forward: ['allow', 'permit', 'سمح', 'разреш'],
    backward: ['ban', 'banned', 'prohibit', 'منع', 'حظر', 'запрет'],
  },
  {
    name: 'impose',
    forward: ['impose', 'فرض', 'ввел', 'введ'],
    backward: ['lift', 'رفع', 'снял', 'отмен'],
  },
  { name: 'win', forward: ['win', 'won', 'crown', 'فاز', 'فوز', 'توج', 'تتويج', 'побед', 'выиграл'], backward: ['lose', 'lost', 'خسر', 'خساره', 'проиграл'] },
  { name: 'accept', forward: ['accept', 'approve', 'approval', 'وافق', 'موافقه', 'اقر', 'قر', 'اقرار', 'одобр', 'принял'], backward: ['reject', 'refuse', 'رفض', 'отклон', 'отказ'] },
  { name: 'deploy', forward: ['deploy', 'send troops', 'развер'], backward: ['withdraw', 'withdrew', 'انسحب', 'نسحب', 'انسحاب', 'вывел', 'вывод'] },
  { name: 'hold', forward: ['seize', 'capture', 'recapture', 'arrest', 'detain', 'توقيف', 'اعتقل', 'عتقل', 'اعتقال', 'احتجز', 'حتجز', 'احتجاز', 'захват', 'задерж', 'арест'], backward: ['release', 'freed', 'افرج', 'افراج', 'فرج', 'освобод', 'отпуст'] },
];

/** Words of one class of news verb in the three languages, as event-verbs.ts lists them. */
export interface VerbWords {
  /** English base or irregular forms (-s, -es, -ed, -ing are tried off), or phrases of two words. */
  en: string[];
  /** Arabic forms as written (after و/ف and the article are taken off): the conjugations news uses. */
  ar: string[];
  /** Russian beginnings of words. */
  ru: string[];
}

/** Every word of a verb class, the three languages together (a table's entry lists them so). */
export const wordsOf = ({ en, ar, ru }: VerbWords): string[] => [...en, ...ar, ...ru];

/**
 * A meeting, in each word one report may tell it with: met, received, visited, held talks ("Лавров
 * встретился с аш-Шейбани" and "провел переговоры с аш-Шейбани" are one event). The one lexicon of
 * meetings: EVENTS' `meeting` kind below reads it (but for `receive`), and event-verbs.ts reads its
 * four classes as its `meeting` family.
 */
export const MEETING: Record<'meet' | 'receive' | 'visit' | 'discuss', VerbWords> = {
  meet: {
    en: ['meet', 'met', 'meeting'],
    ar: ['التقي', 'يلتقي', 'تلتقي', 'التقت', 'التقيا', 'لقاء', 'اجتمع', 'يجتمع', 'تجتمع', 'اجتمعت', 'اجتماع'],
    ru: ['встрет', 'встреч'],
  },
  receive: {
    en: ['receive', 'received', 'host', 'hosted'],
    ar: ['استقبل', 'يستقبل', 'تستقبل', 'استقبلت', 'استقبال'],
    // (принял: also "adopted" a law or a resolution.)
    ru: [],
  },
  visit: {
    en: ['visit'],
    ar: ['زار', 'يزور', 'تزور', 'زارت', 'زاروا', 'زياره'],
    ru: ['посет', 'посещ', 'визит'],
  },
  discuss: {
    en: ['discuss', 'talk', 'negotiate', 'negotiation'],
    ar: ['بحث', 'يبحث', 'تبحث', 'بحثت', 'بحثا', 'يبحثان', 'تبحثان', 'ناقش', 'يناقش', 'تناقش', 'ناقشت', 'مناقشه', 'محادثات', 'مباحثات', 'مفاوضات', 'تفاوض'],
    ru: ['обсуд', 'обсужд', 'переговор'],
  },
};

/** Kinds of event (beside the direction axes, each of which is one kind): what a claim reports happened. */
const EVENTS: Record<string, string[]> = {
  killed: ['kill', 'killed', 'dead', 'die', 'died', 'death', 'victim', 'قتل', 'مقتل', 'قتيل', 'قتلي', 'ضحايا', 'وفاه', 'وفيات', 'مصرع', 'убит', 'убил', 'погиб', 'жертв'],
  wounded: ['wound', 'injure', 'جرحي', 'جريح', 'ранен', 'ранил'],
  cases: ['case', 'infection', 'اصابه', 'اصابات', 'حالات', 'سجل', 'تسجيل', 'случа', 'заражен', 'заболе'],
  vaccination: ['vaccinate', 'vaccination', 'vaccine', 'لقاح', 'لقاحات', 'تطعيم', 'вакцин', 'прививк'],
  delivery: ['deliver', 'supply', 'supplied', 'shipment', 'زود', 'تزويد', 'وزع', 'توزيع', 'توريد', 'شحنه', 'постав', 'доставил'],
  // Not MEETING's `receive`: "received a $820 million tranche" receives no one. (Event-verbs, which
  // compares a verb only with another verb, reads it.)
  meeting: [MEETING.meet, MEETING.visit, MEETING.discuss].flatMap(wordsOf),
  agreement: ['sign', 'agreement', 'deal', 'treaty', 'توقيع', 'اتفاق', 'اتفاقيه', 'подпис', 'соглашени', 'договор'],
  appointment: ['appoint', 'تعيين', 'назнач'],
  dismissal: ['dismiss', 'sack', 'اقال', 'اقاله', 'уволи', 'отставк'],
  dissolution: ['dissolve', 'распуст'],
  election: ['election', 'elect', 'vote', 'انتخابات', 'انتخب', 'نتخب', 'اقتراع', 'выбор', 'избра', 'голосован'],
  exercise: ['exercise', 'drill', 'manoeuvre', 'maneuver', 'مناورات', 'تدريبات', 'учени', 'манёвр', 'маневр'],
  attack: ['attack', 'strike', 'bomb', 'shell', 'هجوم', 'هاجم', 'قصف', 'غاره', 'استهدف', 'ستهدف', 'удар', 'атак', 'обстрел'],
  deportation: ['deport', 'expel', 'رحل', 'ترحيل', 'طرد', 'депорт', 'выслал', 'высыл'],
  warning: ['warn', 'warning', 'حذر', 'تحذير', 'предупред'],
  outbreak: ['outbreak', 'spread', 'انتشار', 'انتشر', 'نتشر', 'تفشي', 'تفشت', 'вспышк', 'распростран'],
  campaign: ['launch', 'campaign', 'اطلق', 'طلق', 'حمله', 'запуст', 'кампани'],
  exemption: ['exempt', 'exemption', 'visa free', 'اعفاء', 'اعفي', 'عفي', 'безвиз'],
  sinking: ['sink', 'sank', 'sunk', 'اغرق', 'غرق', 'اغراق', 'потопил', 'затонул', 'затоп'],
  grant: ['grant', 'award', 'certify', 'certified', 'certifies', 'certification', 'منح', 'предостав', 'выдал', 'выдач'],
};

const ARTICLES = ['وال', 'بال', 'فال', 'لل', 'ال'];

/** word without `prefix` when it starts with one of them and at least `rest` letters follow. */
function withoutPrefix(word: string, prefixes: readonly string[], rest: number): string {
  const prefix = prefixes.find((p) => word.startsWith(p) && word.length - p.length >= rest);
  return prefix ? word.slice(prefix.length) : word;
}

/**
 * Forms under which an Arabic word may stand in the tables: without و/ف, the future س, the person
 * prefix, a verb ending. (String operations, not Unicode regular expressions: every word of every
 * candidate text passes here, and the regular expressions made the check cost a third of a query.)
 */
export function arabicForms(word: string): string[] {
  const forms = new Set<string>([word]);
  const bare = withoutPrefix(withoutPrefix(word, ARTICLES, 2), ['و', 'ف'], 3);
  const future = bare.startsWith('س') && 'يتن'.includes(bare[1]) && bare.length >= 4 ? bare.slice(1) : bare;
  const unprefixed = withoutPrefix(future, ['ي', 'ت', 'ن'], 2);
  for (const form of [bare, unprefixed]) {
    forms.add(form);
    const unsuffixed = form.endsWith('وا') || form.endsWith('ون') ? form.slice(0, -2) : form.endsWith('ت') ? form.slice(0, -1) : form;
    if (unsuffixed.length >= 2) forms.add(unsuffixed);
  }
  return [...forms];
}

export const isCyrillic = (word: string) => word.charCodeAt(0) >= 0x400 && word.charCodeAt(0) <= 0x4ff;
export const isArabic = (word: string) => word.charCodeAt(0) >= 0x600 && word.charCodeAt(0) <= 0x6ff;

/** English forms: as written and without -s, -es, -ed, -d, -ing (with its e put back). */
export function englishForms(word: string): string[] {
  const forms = [word];
  if (word.length > 3 && word.endsWith('s')) forms.push(word.slice(0, -1));
  if (word.length > 4 && word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.length > 4 && word.endsWith('ed')) forms.push(word.slice(0, -2), word.slice(0, -1));
  if (word.length > 5 && word.endsWith('ing')) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  return forms;
}

/** A table of words indexed for lookup: see indexOf. */
export interface IndexedTable {
  single: Map<string, string[]>;
  russian: [string, string][];
  /** Multi-word entries: phrase, label, and the phrase between spaces (looked for in a padded key without a string made per phrase and key). */
  phrases: [string, string, string][];
}

/** Table word → the labels it carries (kind of event, or axis:sign). Multi-word entries are matched as phrases. */
function indexOf(entries: [string, string][]): IndexedTable {
  const single = new Map<string, string[]>();
  const russian: [string, string][] = [];
  const phrases: [string, string, string][] = [];
  for (const [word, label] of entries) {
    if (word.includes(' ')) phrases.push([word, label, ` ${word} `]);
    else if (isCyrillic(word)) russian.push([word, label]);
    else single.set(word, [...(single.get(word) ?? []), label]);
  }
  return { single, russian, phrases };
}

/** A table of entries each named by several words (an actor by its names in three scripts), indexed: word → entry. */
export function tableOf(entries: Record<string, string[]>): IndexedTable {
  return indexOf(Object.entries(entries).flatMap(([entry, words]) => words.map((w): [string, string] => [w, entry])));
}

/** The entry of `table` a single word is, under labelsOf's forms (or the ones given), if any. */
export function entryOf(table: IndexedTable, word: string, arabic?: (word: string) => string[], english?: (word: string) => string[]): string | undefined {
  // A word without a space holds no phrase (every phrase has one): its labels are the word's own.
  if (!word.includes(' ')) return word.length < 2 ? undefined : wordLabels(table)(arabic ?? arabicForms)(english ?? englishForms)(word)[0];
  return labelsOf(table, word, arabic, english).keys().next().value;
}

/** A word only as written: for tables that list every form they mean. */
export const asWritten = (word: string): string[] => [word];

/** An Arabic word without a leading و or ف ("and", "so"), for tables that list every other form. */
export const withoutConjunction = (word: string): string[] => [word.replace(/^[وف](?=.{3})/u, '')];

const TABLE = indexOf([
  ...DIRECTIONS.flatMap((a): [string, string][] => [...a.forward.map((w): [string, string] => [w, `${a.name}:+`]), ...a.backward.map((w): [string, string] => [w, `${a.name}:-`])]),
  ...Object.entries(EVENTS).flatMap(([kind, words]) => words.map((w): [string, string] => [w, kind])),
]);

/**
 * The labels of `table` a search key carries, each with the first word (or phrase) of the key that
 * carries it: phrases as written, Russian words by their beginning, Arabic words under `arabic`'s
 * forms (arabicForms unless told), English ones under englishForms.
 */
export function labelsOf(
  table: IndexedTable,
  key: string,
  arabic: (word: string) => string[] = arabicForms,
  english: (word: string) => string[] = englishForms,
): Map<string, string> {
  const labels = new Map<string, string>();
  const add = (label: string, word: string) => labels.has(label) || labels.set(label, word);
  const words = key.split(' ');
  if (table.phrases.length) {
    // A phrase found in the key starts at one of its words: only the phrases some word starts are
    // looked for, in the table's order (so each label keeps the first phrase of the table that names it).
    const starts = phraseStarts(table);
    let tried: number[] | undefined;
    for (const word of words) {
      const indexes = starts.get(word);
      if (indexes) (tried ??= []).push(...indexes);
    }
    if (tried) {
      const padded = ` ${key} `;
      tried.sort((a, b) => a - b);
      for (let k = 0; k < tried.length; k++) {
        if (k > 0 && tried[k] === tried[k - 1]) continue;
        const [phrase, label, paddedPhrase] = table.phrases[tried[k]];
        if (padded.includes(paddedPhrase)) add(label, phrase);
      }
    }
  }
  const labelsOfWord = wordLabels(table)(arabic)(english);
  for (const word of words) {
    if (word.length < 2) continue;
    for (const label of labelsOfWord(word)) add(label, word);
  }
  return labels;
}

/** The labels one word (without a space, two letters or more) carries in a table under the forms given, in the order labelsOf adds them. */
function wordLabelsOf(table: IndexedTable, arabic: (word: string) => string[], english: (word: string) => string[], word: string): readonly string[] {
  if (isCyrillic(word)) return table.russian.filter(([stem]) => word.startsWith(stem)).map(([, label]) => label);
  const forms = isArabic(word) ? arabic(word) : english(word);
  const found = forms.find((f) => table.single.has(f));
  return found ? (table.single.get(found) ?? NO_LABELS) : NO_LABELS;
}

const NO_LABELS: readonly string[] = [];

/** The first word of each phrase of a table → the phrases' places in table.phrases (made once per table). */
const phraseStarts = perObject((table: IndexedTable): Map<string, number[]> => {
  const starts = new Map<string, number[]>();
  for (let i = 0; i < table.phrases.length; i++) {
    const first = table.phrases[i][0].split(' ')[0];
    starts.set(first, [...(starts.get(first) ?? []), i]);
  }
  return starts;
});

// wordLabelsOf remembered per table and form readers (words recur from text to text: most of a new
// text's words have been read before). Keyed weakly: a reader made per call would only miss.
type FormsOf = (word: string) => string[];

/** The remembered wordLabelsOf for a table and its form readers: wordLabels(table)(arabic)(english). */
const wordLabels = perObject((table: IndexedTable) =>
  perObject((arabic: FormsOf) => perObject((english: FormsOf) => remembered((word: string) => wordLabelsOf(table, arabic, english, word)))),
);

/** The labels of the directions' and events' table a search key carries. */
const labelsIn = remembered((key: string): Map<string, string> => labelsOf(TABLE, key));

/** A direction both texts give the same axis of change, one way in one and the other way in the other: the two words. */
export function oppositeDirection(queryKey: string, candidateKey: string): [string, string] | null {
  const q = labelsIn(queryKey);
  // A query with no label gives no direction: the candidate's are not read.
  if (!q.size) return null;
  const c = labelsIn(candidateKey);
  for (const axis of DIRECTIONS) {
    const [qf, qb, cf, cb] = [q.get(`${axis.name}:+`), q.get(`${axis.name}:-`), c.get(`${axis.name}:+`), c.get(`${axis.name}:-`)];
    // Only when each text goes one way: "prices rose after the cut" is not a direction.
    if (qf && !qb && cb && !cf) return [qf, cb];
    if (qb && !qf && cf && !cb) return [qb, cf];
  }
  return null;
}

// "from A to B" in the three languages (Arabic and Russian as search keys spell them).
const ROUTE_FROM = new Set(['from', 'من', 'из', 'со']);
const ROUTE_TO = new Set(['to', 'into', 'towards', 'الي', 'نحو', 'в', 'во', 'на']);
const ROUTE_SKIPPED = new Set(['the', 'a', 'an']);
const ROUTE_WINDOW = 4;

/** A place word as a route compares it: Arabic without its article, Russian without its case ending. */
function routeWord(word: string): string {
  if (isArabic(word)) return withoutPrefix(word, ARTICLES, 2);
  if (isCyrillic(word)) return word.length > 4 ? word.replace(/[аяуюоеиыйь]+$/u, '') : word;
  return word;
}

/** The routes a search key gives: the words after each "from" and after the first "to" within four words of it. */
function routesIn(key: string): { from: string; to: string; words: [string, string] }[] {
  const words = key.split(' ').filter((w) => !ROUTE_SKIPPED.has(w));
  const routes: { from: string; to: string; words: [string, string] }[] = [];
  words.forEach((word, i) => {
    if (!ROUTE_FROM.has(word) || i + 1 >= words.length) return;
    const to = words.slice(i + 2, i + 2 + ROUTE_WINDOW).findIndex((w) => ROUTE_TO.has(w));
    const destination = words[i + 3 + to];
    if (to >= 0 && destination) routes.push({ from: routeWord(words[i + 1]), to: routeWord(destination), words: [words[i + 1], destination] });
  });
  return routes;
}

/** A route one text gives and the other gives the other way round ("from Idlib to Libya" against "from Libya to Idlib"): its ends, as the query writes them. */
export function reversedRoute(queryKey: string, candidateKey: string): [string, string] | null {
  // Few queries give a route: the candidate's are read only then.
  const routes = routesIn(queryKey);
  if (!routes.length) return null;
  const candidate = routesIn(candidateKey);
  const reversed = routes.find((r) => r.from !== r.to && candidate.some((c) => c.from === r.to && c.to === r.from));
  return reversed?.words ?? null;
}

// A level kept where it was: a third answer beside raised and cut ("held its key rate at 21%",
// "أبقى سعر الفائدة دون تغيير", "сохранил ключевую ставку"). Verbs count only with a figure
// close after them ("Russia will keep its bases" keeps no level); the phrases alone. English and
// Arabic words only as listed (or after و/ف). (Keys fold the Russian й to и.)
const KEPT = tableOf({
  kept: [
    'unchanged', 'steady', 'keep', 'keeps', 'kept', 'hold', 'holds', 'held', 'maintain', 'maintains', 'maintained', 'ابقي', 'يبقي', 'تبقي', 'ابقت', 'ابقاء', 'ثبت', 'يثبت', 'تثبت', 'ثبتت', 'تثبيت',
    'сохранил', 'сохраня', 'сохранит', 'оставил', 'оставля',
    'دون تغيير', 'بدون تغيير', 'без изменении', 'без изменения', 'on hold',
  ],
});
const KEPT_REACH = 6;

/** The word by which a search key keeps a level (a figure) where it was, if any. */
const keptIn = remembered((key: string): string | null => {
  const first = labelsOf(KEPT, key, withoutConjunction, asWritten).get('kept');
  if (!first) return null;
  if (first.includes(' ')) return first;
  const words = key.split(' ');
  for (let i = 0; i < words.length; i++) {
    const kept = entryOf(KEPT, words[i], withoutConjunction, asWritten);
    if (kept && words.slice(i + 1, i + 1 + KEPT_REACH).some((w) => /^\d/.test(w))) return words[i];
  }
  return null;
});

/**
 * One text keeps a level where it was and the other moves it ("kept its key rate at 21%" against
 * "raised its key rate to 21%"; "يبقي سعر الفائدة عند 2.5" against "يخفض سعر الفائدة إلى 2.5"),
 * with a figure in common: the two words; null otherwise (or when a text does both).
 */
export function keptAgainstMoved(queryKey: string, candidateKey: string): [string, string] | null {
  const moved = (key: string) => {
    const labels = labelsIn(key);
    return labels.get('level:+') ?? labels.get('level:-') ?? null;
  };
  const [qk, ck] = [keptIn(queryKey), keptIn(candidateKey)];
  if (!qk === !ck) return null;
  const [keeping, moving] = qk ? [queryKey, candidateKey] : [candidateKey, queryKey];
  const movedWord = moved(moving);
  const figures = new Set(figuresIn(moving).map((f) => f.value));
  if (!movedWord || moved(keeping) || keptIn(moving) || !figuresIn(keeping).some((f) => figures.has(f.value))) return null;
  return qk ? [qk, movedWord] : [movedWord, ck as string];
}

/**
 * The kinds of event a search key reports (each direction axis counts as one kind), remembered:
 * several rules of a pair read them. Shared between callers, who must not change it.
 */
export const eventsIn: (key: string) => ReadonlyMap<string, string> = remembered(eventsOf);

function eventsOf(key: string): Map<string, string> {
  const events = new Map<string, string>();
  for (const [label, word] of labelsIn(key)) {
    const colon = label.indexOf(':');
    const kind = colon < 0 ? label : label.slice(0, colon);
    if (!events.has(kind)) events.set(kind, word);
  }
  return events;
}

/** True when both texts report an event of the same kind (the same event, perhaps by other actors). */
export function sameEventKind(queryKey: string, candidateKey: string): boolean {
  const q = eventsIn(queryKey);
  if (!q.size) return false;
  const c = eventsIn(candidateKey);
  for (const kind of q.keys()) if (c.has(kind)) return true;
  return false;
}

/**
 * When both texts report an event and no kind of event is common to them ("vaccines delivered"
 * against "cases recorded"), a word of each; null when they share one or either reports none.
 */
export function otherEvent(queryKey: string, candidateKey: string): [string, string] | null {
  const q = eventsIn(queryKey);
  if (!q.size) return null;
  const c = eventsIn(candidateKey);
  if (!c.size || sameEventKind(queryKey, candidateKey)) return null;
  return [q.values().next().value as string, c.values().next().value as string];
}

/** Armed groups and organisations that news names as actors, by one name whatever the language. */
const ACTORS: Record<string, string[]> = {
  hamas: ['hamas', 'حماس', 'хамас'],
  hezbollah: ['hezbollah', 'hizbollah', 'حزب الله', 'хезболл'],
  houthis: ['houthi', 'houthis', 'حوثي', 'حوثيين', 'حوثيون', 'انصار الله', 'хусит'],
  'islamic state': ['isis', 'isil', 'daesh', 'داعش', 'игил'],
  sdf: ['sdf', 'قسد', 'сдс'],
  'rapid support forces': ['rsf', 'rapid support forces', 'الدعم السريع', 'бср'],
  taliban: ['taliban', 'طالبان', 'талиб'],
  'united nations': ['un', 'united nations', 'الامم المتحده', 'оон'],
  'world health organization': ['world health organization', 'منظمه الصحه العالميه', 'الصحه العالميه'],
  nato: ['nato', 'الناتو', 'ناتو', 'нато'],
  'islamic jihad': ['islamic jihad', 'الجهاد الاسلامي', 'سرايا القدس', 'исламский джихад'],
  wagner: ['wagner', 'فاغنر', 'فاجنر', 'вагнер'],
  pkk: ['pkk', 'حزب العمال الكردستاني', 'рпк'],
  'hayat tahrir al-sham': ['hts', 'هيئه تحرير الشام', 'тахрир'],
  polisario: ['polisario', 'البوليساريو', 'полисарио'],
  imf: ['imf', 'international monetary fund', 'صندوق النقد الدولي', 'صندوق النقد', 'мвф'],
  'world bank': ['world bank', 'البنك الدولي', 'всемирный банк', 'всемирного банка'],
  // A region with its own government, which neither CLDR nor the gazetteer names as a place.
  'kurdistan region': ['kurdistan', 'krg', 'kurdistan regional government', 'كردستان', 'اقليم كردستان', 'حكومه اقليم كردستان', 'курдистан'],
};

/**
 * What an act is done to or about, beside places and actors: the kind of building struck or
 * opened, the goods traded. The same act on a school and on a hospital, or with wheat and with
 * barley, is another claim.
 */
const THINGS: Record<string, string[]> = {
  school: ['school', 'مدرسه', 'مدارس', 'школ'],
  hospital: ['hospital', 'مستشفي', 'مستشفيات', 'больниц', 'госпитал'],
  mosque: ['mosque', 'مسجد', 'мечет'],
  church: ['church', 'كنيسه', 'церкв', 'церков'],
  market: ['market', 'سوق', 'рынк', 'рынок'],
  camp: ['camp', 'مخيم', 'лагер'],
  university: ['university', 'جامعه', 'университет'],
  airport: ['airport', 'مطار', 'аэропорт'],
  port: ['port', 'harbour', 'ميناء', 'مرفا'],
  refinery: ['refinery', 'مصفاه', 'нпз', 'нефтеперерабатывающ'],
  bakery: ['bakery', 'مخبز', 'пекарн'],
  wheat: ['wheat', 'قمح', 'пшениц'],
  barley: ['barley', 'شعير', 'ячмен'],
  maize: ['maize', 'corn', 'ذره', 'кукуруз'],
  rice: ['rice', 'ارز'],
  sugar: ['sugar', 'سكر', 'сахар'],
  crude: ['oil', 'crude', 'نفط', 'нефть', 'нефти', 'нефтью'],
  gas: ['gas', 'غاز', 'газ'],
  // What a measure is aimed at beside places and groups: a bank or a person in office, wages or
  // pensions ("sanctions on a bank" against "sanctions on its governor"; "raised pensions" against
  // "raised the minimum wage").
  // (Not "bank" alone: the West Bank; not وزراء, "ministers": مجلس الوزراء is the cabinet.)
  bank: ['banks', 'central bank', 'مصرف', 'مصارف', 'بنك', 'بنوك', 'банк'],
  minister: ['minister', 'وزير', 'министр'],
  governor: ['governor', 'محافظ', 'губернатор', 'глава центробанка'],
  pension: ['pension', 'pensions', 'معاش', 'معاشات', 'المعاشات', 'пенси'],
  wage: ['wage', 'wages', 'salary', 'salaries', 'اجر', 'الاجر', 'اجور', 'الاجور', 'راتب', 'رواتب', 'зарплат', 'оклад'],
  // Diseases: a country certified free of malaria is not one free of hepatitis C; cases of cholera are not of dengue.
  malaria: ['malaria', 'ملاريا', 'маляри'],
  hepatitis: ['hepatitis', 'التهاب الكبد', 'гепатит'],
  cholera: ['cholera', 'كوليرا', 'холер'],
  dengue: ['dengue', 'ضنك', 'денге'],
  measles: ['measles', 'حصبه', 'корь'],
  polio: ['polio', 'شلل الاطفال', 'полиомиелит'],
};

const ACTOR_TABLE = tableOf(ACTORS);

/** The names of a table a search key holds, each by its one name (an Arabic word may carry و, ب, ل or the article). */
const namesIn = (table: IndexedTable): ((key: string) => ReadonlySet<string>) =>
  remembered((key: string): Set<string> => {
    const names = new Set<string>();
    // (Only a key with Arabic letters has a clitic to take off: the others are spared the expression.)
    const padded = ` ${hasArabicScript(key) ? key.replace(/(^| )(?:[وبلف]?ال|[وبلف])(?=\p{Script=Arabic}{3})/gu, '$1') : key} `;
    const paddedKey = ` ${key} `;
    for (const [, name, paddedPhrase] of table.phrases) if (padded.includes(paddedPhrase) || paddedKey.includes(paddedPhrase)) names.add(name);
    for (const word of padded.trim().split(' ')) {
      if (isCyrillic(word)) for (const [stem, name] of table.russian) if (word.startsWith(stem)) names.add(name);
      for (const name of table.single.get(word) ?? []) names.add(name);
    }
    for (const word of key.split(' ')) for (const name of table.single.get(word) ?? []) names.add(name);
    return names;
  });

/** The actors of ACTORS a search key names. */
export const actorsIn = namesIn(ACTOR_TABLE);

/** The buildings and goods of THINGS a search key names. */
export const thingsIn = namesIn(tableOf(THINGS));
