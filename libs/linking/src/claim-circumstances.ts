/**
 * When and how surely a claim says a thing happened: the years it names, the span its figures
 * cover (a night, a week, a month), and whether it reports a plan rather than a deed ("plans to
 * open" against "opened"). Two texts that tell the same story but differ on one of these are not
 * the same claim: a fact-checker checks a figure for 2023 apart from the same figure for 2021.
 * Pure functions over search keys (Arabic folded, lower case), in Arabic, English and Russian; the
 * tables are language-neutral, so a cross-language pair is compared too.
 */
import { asWritten, entryOf, eventsIn, isArabic, labelsOf, sameEventKind, tableOf, withoutConjunction } from './claim-predicates';
import { remembered } from './remembered';
import { monthsInDates } from '@isnad/text';
import { saysAt } from './claim-roles';
import { figureWords, figuresIn } from './match-scoring';

/** A figure that reads as a year of news (1900–2099). */
export const isYear = (value: string) => /^(?:19|20)\d\d$/.test(value);

/** The years a search key names. */
export function yearsIn(key: string): Set<string> {
  return new Set(figuresIn(key).map((f) => f.value).filter(isYear));
}

/** yearsIn remembered per key, shared between callers (who must not change it): each rule's pair reads it. */
const rememberedYears = remembered(yearsIn);

/**
 * Years that both texts give and that differ ("in March 2023" against "in March 2024"), the
 * query's first; null when either names none or they share one ("2023-2024" against "2024").
 */
export function otherYears(queryKey: string, candidateKey: string): string[] | null {
  const q = rememberedYears(queryKey);
  if (!q.size) return null;
  const c = rememberedYears(candidateKey);
  if (!c.size || [...q].some((y) => c.has(y))) return null;
  return [...q, ...c];
}

/** The months a search key names in dates, with their figures (monthsInDates), kept per key. */
const datesIn = remembered(monthsInDates);

/**
 * The same day (or year) in another month: both texts give a date whose day is the same figure and
 * whose months differ, and no month is common to them ("6 March 2024" against "6 February 2024",
 * "7 أوت" against "7 جوان", across languages and regional month names too, by number): the months.
 * Dates with other figures are told by the figures already; a tweet's own dateline ("— name
 * (@handle) May 4, 2019") against the claim's date is not another month of the same date.
 */
export function otherMonths(queryKey: string, candidateKey: string): string[] | null {
  const q = datesIn(queryKey);
  if (!q.length) return null;
  const c = datesIn(candidateKey);
  if (q.some((d) => c.some((e) => e.month === d.month))) return null;
  const date = q.find((d) => c.some((e) => e.figure === d.figure));
  const other = date && c.find((e) => e.figure === date.figure);
  return date && other ? [`month ${date.month}`, `month ${other.month}`] : null;
}

// Spans a figure is counted over. English words take -s/-ly off (englishForms), Arabic words are
// matched under their forms without clitics (arabicForms), Russian ones as the start of a word.
// "Day" and "year" are left out: "on the day", يوم الجمعة, "this year", "2024 года" name a date, not a span
// ("a day", "per day", في اليوم, "в день" are a rate).
const PERIODS: Record<string, string[]> = {
  night: ['night', 'nightly', 'overnight', 'ليله', 'ليل', 'ليلا', 'ночь', 'ночью', 'ночн'],
  daily: ['daily', 'per day', 'a day', 'each day', 'every day', '24 hours', 'يوميا', 'في اليوم', 'باليوم', '24 ساعه', 'ежеднев', 'сутк', 'в день', '24 часа'],
  week: ['week', 'weekly', 'اسبوع', 'اسبوعين', 'اسابيع', 'اسبوعيا', 'недел'],
  month: ['month', 'monthly', 'شهر', 'شهرين', 'اشهر', 'شهور', 'شهريا', 'месяц'],
  // A year's total, not a date: "annual", سنويا, ежегодно ("this year", "في عام 2024" are dates).
  year: ['annual', 'annually', 'yearly', 'per year', 'سنويا', 'السنوي', 'ежегодн', 'в год'],
};

// A day that dates, not a rate: "a day after the vote", "في اليوم التالي", "в день выборов" (the
// day of the elections). An Arabic day with an adjective (التالي, السابق, العالمي), a Russian one
// before a noun of four letters or more, an English "a day" before after, before, later, earlier.
const DAY_AS_DATE = /(?:^| )(?:a day (?:after|before|later|earlier|ago)|(?:في|ب)\s?اليوم ال\S+|в день \S{4,})(?= |$)/gu;

const PERIOD_TABLE = tableOf(PERIODS);

/** The spans of time a search key names (night, daily, week, month), each with its first word. */
export const periodsIn = remembered((key: string): Map<string, string> => labelsOf(PERIOD_TABLE, (mayDateByDay(key) ? key.replace(DAY_AS_DATE, ' ') : key).trim()));

/** False for a key DAY_AS_DATE cannot match (it holds none of "a day", اليوم, "в день"): most keys, spared the expression. */
const mayDateByDay = (key: string) => key.includes('a day') || key.includes('اليوم') || key.includes('в день');

/**
 * Spans that both texts name and that differ ("in one week" against "in a month", "ночью" against
 * "за неделю"): a word of each; null when either names none or they share one.
 */
export function otherPeriod(queryKey: string, candidateKey: string): [string, string] | null {
  const q = periodsIn(queryKey);
  if (!q.size) return null;
  const c = periodsIn(candidateKey);
  if (!c.size || [...q.keys()].some((span) => c.has(span))) return null;
  return [[...q.values()][0], [...c.values()][0]];
}

// Parts of a year numbered by an ordinal: "the first quarter", "الربع الأول", "в первом квартале",
// "Q1", "H2". English and Russian put the ordinal before the part, Arabic after it. A part without
// an ordinal ("fell by half", "ربع مليون") is no period.
const PARTS = tableOf({
  quarter: ['quarter', 'ربع', 'квартал'],
  half: ['half', 'نصف', 'полугод'],
});
const ORDINALS = tableOf({
  '1': ['first', 'اول', 'перв'],
  '2': ['second', 'ثاني', 'втор'],
  '3': ['third', 'ثالث', 'трет'],
  '4': ['fourth', 'رابع', 'четверт'],
});
const SHORT_PARTS = /^([qh])([1-4])$/u;

/** The numbered parts of a year a search key names ("quarter 1", "half 2"). */
export const partsOfYearIn = remembered((key: string): Set<string> => {
  const words = key.split(' ');
  const parts = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const short = SHORT_PARTS.exec(words[i]);
    if (short) parts.add(`${short[1] === 'q' ? 'quarter' : 'half'} ${short[2]}`);
    const part = words[i].length > 2 ? entryOf(PARTS, words[i]) : undefined;
    if (!part) continue;
    const ordinal = isArabic(words[i]) ? entryOf(ORDINALS, words[i + 1] ?? '') : entryOf(ORDINALS, words[i - 1] ?? '');
    if (ordinal) parts.add(`${part} ${ordinal}`);
  }
  return parts;
});

/**
 * Other numbered parts of a year: both texts name one and none is common ("in the first quarter"
 * against "in the second quarter", "الربع الأول" against "النصف الأول", "Q1" against "во втором
 * квартале"): the parts, the query's first; null otherwise.
 */
export function otherPartOfYear(queryKey: string, candidateKey: string): string[] | null {
  const q = partsOfYearIn(queryKey);
  if (!q.size) return null;
  const c = partsOfYearIn(candidateKey);
  if (!c.size || [...q].some((p) => c.has(p))) return null;
  return [...q, ...c];
}

// Which side of an event a thing is dated: "before the election" or "until the end of Hajj" against
// "after the election", "بعد انتهاء موسم الحج". The words of an end (the end of, انتهاء, окончания)
// and the article are skipped to reach the event named.
const SIDES: Record<string, string[]> = {
  before: ['before', 'until', 'till', 'قبل', 'حتي', 'لحين', 'до'],
  after: ['after', 'following', 'بعد', 'после'],
};
const SIDE_OF = new Map(Object.entries(SIDES).flatMap(([side, words]) => words.map((w): [string, string] => [w, side])));
const SIDE_SKIPPED = new Set(['the', 'a', 'an', 'of', 'end', 'close', 'نهايه', 'انتهاء', 'ختام', 'конца', 'окончания', 'завершения']);
const SIDE_REACH = 4;

/** The events a search key dates as before or after ("after the election": "after election"), each as `side event`. */
const sidesIn = remembered((key: string): Map<string, string> => {
  const words = key.split(' ');
  const sides = new Map<string, string>();
  for (let i = 0; i < words.length; i++) {
    const side = SIDE_OF.get(words[i]);
    if (!side) continue;
    const event = words.slice(i + 1, i + 1 + SIDE_REACH).find((w) => !SIDE_SKIPPED.has(w));
    if (event && !/\d/.test(event) && [...event].length > 2) sides.set(event.replace(/^(?:ال|لل)(?=.{3})/u, ''), side);
  }
  return sides;
});

/**
 * The same event named as the bound on the other side: one text says before (or until) it, the
 * other after it ("suspended until the end of the Hajj season" against "suspended after the Hajj
 * season"), the event word written alike (one language): the two sides with the event; null otherwise.
 */
export function otherSideOfEvent(queryKey: string, candidateKey: string): string[] | null {
  const q = sidesIn(queryKey);
  if (!q.size) return null;
  const c = sidesIn(candidateKey);
  for (const [event, side] of q) {
    const other = c.get(event);
    if (other && other !== side) return [`${side} ${event}`, `${other} ${event}`];
  }
  return null;
}

// How far a deed went, or which step of it a text reports: in part only ("partially reopened",
// جزئيا, частично), a draft that is not yet law (a cabinet's "draft law" against parliament's vote),
// a law taking effect (against its approval).
const EXTENTS = tableOf({
  // (Keys fold ئ to ي: جزئيا is جزييا.)
  // (Not "partly", "in part": "partly because", "due in part to" give a cause.)
  partial: ['partial', 'partially', 'جزيي', 'جزييا', 'جزييه', 'частичн'],
  draft: ['draft law', 'draft bill', 'draft amendment', 'مشروع قانون', 'مشروع تعديل', 'مشروع نظام', 'законопроект', 'проект закона'],
  'in force': ['into force', 'into effect', 'takes effect', 'took effect', 'حيز التنفيذ', 'вступил в силу', 'вступила в силу', 'вступило в силу', 'вступает в силу', 'вступит в силу'],
});

/** The key without the phrases of `expression` that only look like a cue; `probe`, a cheap test, spares most keys the expression. */
function spared(key: string, probe: RegExp, expression: RegExp): string {
  return probe.test(key) ? key.replace(expression, ' ') : key;
}

// "Partially" that says how true a claim is or what a thing is made of, not how far a deed went: a
// fact-checker's verdict ("partially correct information", صحيح جزئيا, "частично верно") and a share of
// a thing's make-up ("cheeses are partially made from wood").
const NOT_AN_EXTENT =
  /(?:^| )(?:partially (?:true|correct|false|accurate|inaccurate|untrue|right|wrong|misleading|made of|made from|composed of)|(?:صحيح|صحيحه|خاطي|خاطيه|كاذب|كاذبه|مضلل|مضلله|مصنوع|مصنوعه) جزييا|частично (?:верн|правд|ложн|неверн|точн|состоит из)\S*)(?= |$)/gu;

/** The extents and steps of EXTENTS a search key names (partial, draft, in force), each with its first word. */
const extentsIn = remembered(
  (key: string): Map<string, string> => labelsOf(EXTENTS, spared(key, /partial|جزيي|частичн/u, NOT_AN_EXTENT)),
);

/**
 * One text says a deed went only part of the way, or names another step of it, and the other does
 * not ("partially reopened the bridge" against "reopened the bridge"; "the cabinet approves the draft
 * law" against "parliament passes the law"; "the law comes into force" against "approved the law"):
 * the word that says so; null when both or neither do.
 */
export function otherExtent(queryKey: string, candidateKey: string): string[] | null {
  const q = extentsIn(queryKey);
  const c = extentsIn(candidateKey);
  for (const [extent, word] of q) if (!c.has(extent)) return [word];
  for (const [extent, word] of c) if (!q.has(extent)) return [word];
  return null;
}

// Words that make a deed a plan, an intention, a threat, a condition, a demand, a recommendation
// or a delay: what is reported has not happened (yet). Not the plain future ("will", سوف,
// выделит): news gives decisions so. Every English and Arabic form is listed (not "considered":
// "is considered the largest"; not "pledged", "threat": a pledge and a threat are deeds of their own;
// not the noun "demand" ("wheat demand rose"), طالب "a student", призыв "conscription", требуется "is needed";
// not "ready for", مستعد, готов: readiness for something is a stance, "ready for talks" and "готова к
// переговорам" alike; but "ready to" before a verb is a deed not done: "ready to resume exports").
/** An Arabic word as written and without a leading و or ف (one function for every call: labelsOf remembers words per reader). */
const asWrittenOrWithoutConjunction = (word: string): string[] => [word, ...withoutConjunction(word)];

const NOT_YET = tableOf({
  'not yet': [
    'plan', 'plans', 'planned', 'planning', 'consider', 'considers', 'considering', 'mull', 'mulls', 'mulling', 'intend', 'intends', 'threaten', 'threatens', 'threatened', 'postpone', 'postpones', 'postponed', 'delay', 'delays', 'delayed', 'possibility',
    'promise to', 'promises to', 'promised to', 'demand that', 'demands', 'demanded', 'calls for', 'urges', 'recommend', 'recommends', 'recommended', 'recommendation',
    'يعتزم', 'تعتزم', 'اعتزام', 'يخطط', 'تخطط', 'يدرس', 'تدرس', 'ينوي', 'تنوي', 'يهدد', 'تهدد', 'هدد', 'هددت', 'يهددون', 'هددوا', 'يلوح', 'تلوح', 'تاجيل', 'يوجل', 'توجل', 'امكانيه',
    'يطالب', 'تطالب', 'يطالبون', 'طالبت', 'طالبوا', 'يوصي', 'توصي', 'اوصي', 'اوصت', 'توصيه',
    'планир', 'намерен', 'рассматрива', 'собира', 'угрож', 'пригрози', 'отлож', 'возможност', 'может', 'могут', 'обеща', 'пообеща', 'требует', 'требуют', 'потребова', 'призывает', 'призывают', 'призвал', 'рекоменд',
    // A deed dated ahead: "talks next week" has not happened. (Keys fold the Russian й to и.)
    'next week', 'next month', 'الاسبوع المقبل', 'الاسبوع القادم', 'الشهر المقبل', 'الشهر القادم', 'на следующеи неделе', 'в следующем месяце',
    // A bill read, not passed.
    'first reading', 'second reading', 'القراءه الاولي', 'القراءه الثانيه', 'первом чтении', 'втором чтении',
    // A deed proposed, being prepared or about to happen, applied for: the step before the deed.
    // Verbs only: a proposal, مقترح, an attempt, a bid are things ("rejects a ceasefire proposal",
    // "foiled an attempt to smuggle"); not "offer" nor предложил ("offered aid" is a deed), not "prepared".
    'propose', 'proposes', 'proposed', 'preparing to', 'prepares to', 'about to', 'on the verge of', 'applied for', 'applies for', 'ready to',
    'يقترح', 'تقترح', 'اقترح', 'اقترحت', 'يستعد', 'تستعد', 'علي وشك', 'تقدم بطلب', 'تقدمت بطلب',
    'предлагает', 'предлагают', 'готовит', 'готовят', 'готовится', 'готовятся', 'вот-вот', 'вот вот', 'подала заявку', 'подал заявку',
    // A deed tried, or failed, is not done: "tried to storm", "failed to win", يفشل في, "не смог".
    'tried to', 'tries to', 'attempted to', 'failed to', 'fails to',
    'حاول', 'حاولت', 'يحاول', 'تحاول', 'فشل في', 'فشلت في', 'يفشل في', 'تفشل في', 'وفشل في', 'وفشلت في', 'ويفشل في', 'وتفشل في',
    'пытался', 'пыталась', 'пытаются', 'пытается', 'не смог', 'не смогла', 'не удалось',
  ],
});

// A word of planning in a name, of a body or of a field, is no plan: "Planned Parenthood", "family
// planning", "планирование семьи". Nor is readiness that describes someone ("the demagogues who are
// ready to declare a trade war"): a relative clause, not what the text reports.
const NOT_A_PLAN = /(?:^| )(?:planned parenthood|family planning|планировани\S* семьи|(?:who|which) (?:is|are|was|were) ready to)(?= |$)/gu;

// A modal makes a deed a condition ("Egypt could raise", "Jordan would reopen ... if", "may resume"),
// unless it stands in reported words, where it is the speaker's future ("warned that an attack would
// trigger a war"). "may" is a modal only where it is no month: not after a preposition or a figure,
// nor before a figure ("from May", "6 May", "May 2024").
const MODALS = new Set(['could', 'would', 'might', 'may']);
const REPORTING = new Set(['that', 'warn', 'warns', 'warned', 'told', 'ان', 'انه', 'بان', 'что']);
const MONTH_BEFORE = new Set(['in', 'from', 'since', 'until', 'till', 'of', 'by', 'on', 'early', 'late', 'mid', 'end', 'last', 'next', 'this']);
const aMonth = (words: readonly string[], i: number) =>
  words[i] === 'may' && (i + 1 >= words.length || /^\d/.test(words[i + 1]) || (i > 0 && (MONTH_BEFORE.has(words[i - 1]) || /^\d/.test(words[i - 1]))));

/** The modal of a search key that makes its deed a condition, when no verb of saying comes before it. */
function modalIn(key: string): string | null {
  const words = key.split(' ');
  for (let i = 0; i < words.length; i++) {
    if (REPORTING.has(words[i]) || saysAt(words[i])) return null;
    if (MODALS.has(words[i]) && !aMonth(words, i)) return words[i];
  }
  return null;
}

/**
 * The first word of a search key that makes what it reports a plan, a threat or a condition (a phrase
 * before any word), if any. A question is none of these: "Did Oman ban plastic bags?", "هل صحيح أن …",
 * "Правда ли, что …" ask about the claim itself (the reader's request a fact-checker answers with it).
 */
export const notYetIn = remembered((key: string): string | null => {
  const planned = labelsOf(NOT_YET, spared(key, /plann|планир|ready/u, NOT_A_PLAN), asWrittenOrWithoutConjunction, asWritten).get('not yet');
  return planned ?? applicationIn(key) ?? modalIn(key);
});

// An application addressed to someone, its object after the addressee: "applied to the WHO for
// certification", "تقدمت إلى الأمم المتحدة بطلب", "обратилась в ВОЗ с заявкой" (NOT_YET holds the
// phrases without an addressee: "applied for", تقدمت بطلب, подала заявку). Not "applies to" (a rule
// that applies to someone), nor "applied to ... for" a span ("the ban applied to flights for two weeks").
const APPLIED_TO =
  /(?:^| )(applied|و?تقدمت?|يتقدم|تتقدم|обратил\S*) (?:to |الي |في |в |во |к )(?:\S+ ){0,3}(?:for(?! (?:\d|an? (?:year|month|week|day|decade|fortnight|period)|one |two |three |four |five |six |seven |eight |nine |ten |several |many |the next |the past |years|months|weeks|days|hours))|بطلب|с заявк\S*|с просьб\S*)(?= |$)/u;

/** The verb of an application made to someone (APPLIED_TO) in a search key, if any. */
function applicationIn(key: string): string | null {
  return APPLIED_TO.exec(key)?.[1] ?? null;
}

// What is not a deed either: a text in the future is no deed to set a plan against.
const UNDONE = new Set(['will', 'سوف', 'будет', 'будут']);

/**
 * One text reports a plan, a threat, a condition or a delay and the other the deed ("Turkey plans
 * to open a base", "Turkey could open a base" against "Turkey opened a base"): the word that says
 * so; null when both or neither do, when the plan names a kind of event the deed does not report
 * (the deed must be the planned one), or when the other text is in the future itself ("Biden plans
 * to ban" against "Biden will ban").
 */
export function otherModality(queryKey: string, candidateKey: string): string[] | null {
  const q = notYetIn(queryKey);
  const c = notYetIn(candidateKey);
  if (!q === !c) return null;
  const [plan, deed] = q ? [queryKey, candidateKey] : [candidateKey, queryKey];
  // A plan that names no kind of event may be of the deed ("threatens sanctions" against "imposed sanctions").
  if (eventsIn(plan).size && !sameEventKind(queryKey, candidateKey)) return null;
  if (deed.split(' ').some((w) => UNDONE.has(w))) return null;
  return [(q ?? c) as string];
}

// A record or a superlative of a level: "a record low", "its highest since 2017", قياسي, غير مسبوق,
// "самый низкий", рекорд. (Not "largest", "biggest": "the largest producer" ranks, it sets no record.)
const RECORDS = tableOf({
  record: [
    'record', 'unprecedented', 'all-time', 'highest', 'lowest', 'heaviest', 'worst',
    'قياسي', 'قياسيا', 'قياسيه', 'مسبوق', 'مسبوقه', 'اعلي مستوي', 'ادني مستوي', 'اعلي معدل', 'ادني معدل', 'اعلي نسبه', 'ادني نسبه', 'الاسوا',
    // Not минимальн, максимальн: "минимальная зарплата" is the minimum wage.
    'рекорд', 'самый высокий', 'самый низкий', 'самого высокого', 'самого низкого', 'наивысш', 'наименьш',
  ],
});

// The highest of a hierarchy, not of a level: "Iraq's highest court", "the highest-ranking officer".
const RANK_NOT_RECORD = /(?:^| )(?:highest|lowest) (?:courts?|ranking|judicial|authority|authorities|body|council|religious|military|award|honou?r|decoration)(?= |$)/gu;

/** The word of a search key that says a level is a record (or the highest, the lowest), if any. */
const recordIn = remembered(
  (key: string): string | null =>
    labelsOf(RECORDS, spared(key, /highest|lowest/u, RANK_NOT_RECORD), asWrittenOrWithoutConjunction, asWritten).get('record') ?? null,
);

/**
 * True when a search key gives a figure that is not a year. A figure written in groups ("2,000", the
 * key's "2 000") is no year: years are written without a thousands separator.
 */
const givesFigure = (key: string) => figuresIn(key).some((f) => !isYear(f.value) || (f.end - f.start > 1 && /^\d{1,3}$/.test(figureWords(key)[f.start])));

/**
 * A record against a figure: one text says a level is a record (the lowest since the war began, the
 * highest weekly count) and gives no figure, the other gives a figure and names no record ("the rial
 * hit its lowest level since the war" against "the rial fell to 2,000 to the dollar"): two claims, a
 * fact-checker checks the record apart from the figure. The record's word; null otherwise.
 */
export function recordAgainstFigure(queryKey: string, candidateKey: string): string[] | null {
  const q = recordIn(queryKey);
  const c = recordIn(candidateKey);
  if (!q === !c) return null;
  const [record, figure] = q ? [queryKey, candidateKey] : [candidateKey, queryKey];
  return !givesFigure(record) && givesFigure(figure) ? [(q ?? c) as string] : null;
}
