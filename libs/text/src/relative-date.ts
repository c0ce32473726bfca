import { foldWithMap, originalSpan } from './folded-text';

/**
 * Dates written relative to publication ("اليوم الجمعة", "أمس", "في 25 من يناير الفائت",
 * "last Friday", "on 25 January") resolved to calendar days. Matching runs over the folded view,
 * so hamza, diacritics, tatweel and Arabic-Indic digits do not matter.
 */

export interface ResolvedDate {
  /** The phrase as written in the input. */
  text: string;
  /** Code point offsets of the phrase in the input. */
  start: number;
  end: number;
  /** The calendar day meant, YYYY-MM-DD. */
  date: string;
}

type Direction = 'past' | 'pastOrToday' | 'future';

const B = '(?<=^|[^\\p{L}\\p{N}]|(?:^|[^\\p{L}\\p{N}])[وفبل])';
const E = '(?![\\p{L}\\p{N}])';

const ARABIC_MONTHS: Record<string, number> = {
  يناير: 1, فبراير: 2, مارس: 3, ابريل: 4, مايو: 5, يونيو: 6, يونيه: 6, يوليو: 7, يوليه: 7, اغسطس: 8, سبتمبر: 9,
  اكتوبر: 10, نوفمبر: 11, ديسمبر: 12, 'كانون الثاني': 1, شباط: 2, اذار: 3, نيسان: 4, ايار: 5, حزيران: 6, تموز: 7,
  اب: 8, ايلول: 9, 'تشرين الاول': 10, 'تشرين الثاني': 11, 'كانون الاول': 12,
};
const ENGLISH_MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10,
  nov: 11, dec: 12,
};
const ARABIC_WEEKDAYS: Record<string, number> = { الاحد: 0, الاثنين: 1, الثلاثاء: 2, الاربعاء: 3, الخميس: 4, الجمعه: 5, السبت: 6 };
const ENGLISH_WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

const alternation = (words: Record<string, number>): string =>
  Object.keys(words).sort((a, b) => b.length - a.length).join('|');

const AR_MONTH = alternation(ARABIC_MONTHS);
const AR_WEEKDAY = alternation(ARABIC_WEEKDAYS);
const EN_MONTH = alternation(ENGLISH_MONTHS);
const EN_WEEKDAY = alternation(ENGLISH_WEEKDAYS);
const AR_PAST = 'الفايت|الماضي|الماضيه|المنصرم|السابق';
const AR_FUTURE = 'المقبل|المقبله|القادم|القادمه';

interface DateRule {
  pattern: RegExp;
  resolve: (m: RegExpExecArray, published: Day) => Day | null;
}

interface Day {
  year: number;
  month: number;
  day: number;
}

const rule = (source: string, resolve: DateRule['resolve']): DateRule => ({ pattern: new RegExp(source, 'gu'), resolve });

// Ordered: longer, more specific phrases first; later rules never overlap an earlier hit.
const RULES: DateRule[] = [
  rule(`${B}(?:في\\s+|يوم\\s+)?(\\d{1,2})\\s+(?:من\\s+)?(${AR_MONTH})(?:\\s+(?:عام\\s+|سنه\\s+)?(\\d{4}))?(?:\\s+(${AR_PAST}|${AR_FUTURE}))?${E}`, (m, p) =>
    dayOfMonth(p, ARABIC_MONTHS[m[2]], Number(m[1]), m[3], qualifier(m[4]))),
  rule(`${B}(?:on\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${EN_MONTH})(?:\\.?,?\\s+(\\d{4}))?${E}`, (m, p) =>
    dayOfMonth(p, ENGLISH_MONTHS[m[2]], Number(m[1]), m[3], 'pastOrToday')),
  rule(`${B}(?:on\\s+)?(${EN_MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?${E}`, (m, p) =>
    dayOfMonth(p, ENGLISH_MONTHS[m[1]], Number(m[2]), m[3], 'pastOrToday')),
  rule(`${B}اول\\s+(?:من\\s+)?امس${E}|${B}the\\s+day\\s+before\\s+yesterday${E}`, (_m, p) => addDays(p, -2)),
  rule(`${B}اليوم(?:\\s+(?:${AR_WEEKDAY}))?${E}|${B}today${E}`, (_m, p) => p),
  rule(`${B}(?:امس|البارحه)(?:\\s+(?:${AR_WEEKDAY}))?${E}|${B}yesterday${E}`, (_m, p) => addDays(p, -1)),
  rule(`${B}(?:غدا|غدا)${E}|${B}tomorrow${E}`, (_m, p) => addDays(p, 1)),
  rule(`${B}قبل\\s+(يومين|(\\d+)\\s+ايام)${E}`, (m, p) => addDays(p, m[2] ? -Number(m[2]) : -2)),
  rule(`${B}(\\d+|two|three|four|five|six)\\s+days\\s+ago${E}`, (m, p) => addDays(p, -wordNumber(m[1]))),
  rule(`${B}(?:يوم\\s+)?(${AR_WEEKDAY})(?:\\s+(${AR_PAST}|${AR_FUTURE}))?${E}`, (m, p) =>
    weekday(p, ARABIC_WEEKDAYS[m[1]], qualifier(m[2]))),
  rule(`${B}(?:(last|this\\s+past|next|on|this)\\s+)?(${EN_WEEKDAY})${E}`, (m, p) =>
    weekday(p, ENGLISH_WEEKDAYS[m[2]], m[1] === 'next' ? 'future' : m[1] === 'last' || m[1]?.startsWith('this past') ? 'past' : 'pastOrToday')),
];

/** Every date phrase in `text` resolved against the publication date `publishedAt` (ISO date or date-time). */
export function resolveRelativeDate(text: string, publishedAt: string): ResolvedDate[] {
  const published = parsePublished(publishedAt);
  if (!published) return [];
  const view = foldWithMap(text.normalize('NFC'));
  const cps = Array.from(text.normalize('NFC'));
  const taken: Array<[number, number]> = [];
  const found: ResolvedDate[] = [];
  for (const { pattern, resolve } of RULES) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(view.folded); m; m = pattern.exec(view.folded)) {
      const from = m.index;
      const to = from + m[0].length;
      if (taken.some(([a, b]) => from < b && to > a)) continue;
      const day = resolve(m, published);
      if (!day) continue;
      taken.push([from, to]);
      const { start, end } = originalSpan(view, from, to);
      found.push({ text: cps.slice(start, end).join(''), start, end, date: formatDay(day) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function qualifier(word: string | undefined): Direction {
  if (!word) return 'pastOrToday';
  return /^(المقبل|القادم)/u.test(word) ? 'future' : 'past';
}

function wordNumber(word: string): number {
  const words: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 };
  return words[word] ?? Number(word);
}

function parsePublished(publishedAt: string): Day | null {
  // The calendar day as the publisher wrote it: a time zone offset must not move it.
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(publishedAt.trim());
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const parsed = new Date(publishedAt);
  if (Number.isNaN(parsed.getTime())) return null;
  return { year: parsed.getUTCFullYear(), month: parsed.getUTCMonth() + 1, day: parsed.getUTCDate() };
}

function toTime(d: Day): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromTime(t: number): Day {
  const d = new Date(t);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function addDays(d: Day, days: number): Day {
  return fromTime(toTime(d) + days * 86_400_000);
}

function isValidDay(d: Day): boolean {
  const back = fromTime(toTime(d));
  return back.year === d.year && back.month === d.month && back.day === d.day;
}

function dayOfMonth(published: Day, month: number | undefined, day: number, year: string | undefined, direction: Direction): Day | null {
  if (!month) return null;
  if (year) {
    const explicit = { year: Number(year), month, day };
    return isValidDay(explicit) ? explicit : null;
  }
  const sameYear = { year: published.year, month, day };
  if (!isValidDay(sameYear)) return null;
  const cmp = toTime(sameYear) - toTime(published);
  if (direction === 'future') return cmp > 0 ? sameYear : { ...sameYear, year: published.year + 1 };
  if (direction === 'past') return cmp < 0 ? sameYear : { ...sameYear, year: published.year - 1 };
  return cmp <= 0 ? sameYear : { ...sameYear, year: published.year - 1 };
}

function weekday(published: Day, target: number | undefined, direction: Direction): Day | null {
  if (target === undefined) return null;
  const today = new Date(toTime(published)).getUTCDay();
  if (direction === 'future') return addDays(published, ((target - today + 6) % 7) + 1);
  const back = (today - target + 7) % 7;
  if (direction === 'past') return addDays(published, back === 0 ? -7 : -back);
  return addDays(published, -back);
}

function formatDay(d: Day): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
