import { normalizeForSearch } from './arabic-normalize';

/**
 * Month names as news in Arabic, English and Russian writes them, read from the ICU data Node ships
 * (Intl.DateTimeFormat), not from a hand list: the Egyptian and Gulf names (مارس), the Levantine and
 * Iraqi ones (آذار, كانون الثاني), the Maghrebi ones (أوت, جوان, جانفي), the Moroccan ones (غشت),
 * English long and short names, Russian names standalone and in the genitive of a date ("6 марта"),
 * and the Russian prepositional ("в марте"). Each in search-key spelling (normalizeForSearch).
 */
const LOCALES = ['ar-EG', 'ar-SY', 'ar-IQ', 'ar-TN', 'ar-DZ', 'ar-MA', 'en', 'ru'];

function buildMonthNames(): Map<string, number> {
  const names = new Map<string, number>();
  const add = (name: string, month: number) => {
    const key = normalizeForSearch(name.replace(/[\d\u0660-\u0669.,]/gu, ' '));
    if (key && !names.has(key)) names.set(key, month);
  };
  for (const locale of LOCALES) {
    const long = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
    const withDay = new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', timeZone: 'UTC' });
    const short = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    for (let m = 0; m < 12; m++) {
      const date = new Date(Date.UTC(2024, m, 15));
      const standalone = long.format(date);
      add(standalone, m + 1);
      add(withDay.format(date), m + 1);
      if (locale === 'en') add(short.format(date), m + 1);
      if (locale === 'ru') add(`${standalone.replace(/[ьй]$/u, '')}е`, m + 1);
    }
  }
  // "may" and "mar" are English words too; they count only beside a figure (monthsInDates).
  return names;
}

let monthNames: Map<string, number> | null = null;

/** Month name (search-key spelling, one or two words) → month number 1–12. */
export function calendarMonths(): ReadonlyMap<string, number> {
  monthNames ??= buildMonthNames();
  return monthNames;
}

/** A month named in a date, with the figure beside it (the day, or the year when no day is given). */
export interface MonthInDate {
  month: number;
  figure: string;
}

/**
 * The months a search key names as part of a date: a month name (of calendarMonths) with a number
 * right before or after it ("6 مارس", "March 6", "مارس 2024", "6 марта"), so that مارس the verb
 * ("practised") and "may" the modal are not read as months. Each with that number (the one before
 * it first: "6 March 2024" gives 6).
 */
export function monthsInDates(key: string): MonthInDate[] {
  const names = calendarMonths();
  const words = key.split(' ');
  const dates: MonthInDate[] = [];
  const isFigure = (i: number) => /^\d/.test(words[i] ?? '');
  for (let i = 0; i < words.length; i++) {
    const two = i + 1 < words.length ? names.get(`${words[i]} ${words[i + 1]}`) : undefined;
    const month = two ?? names.get(words[i]) ?? names.get(words[i].replace(/^[وبلف](?=\p{L}{3})/u, ''));
    if (month === undefined) continue;
    const last = two !== undefined ? i + 1 : i;
    const figure = isFigure(i - 1) ? words[i - 1] : isFigure(last + 1) ? words[last + 1] : null;
    if (figure !== null) dates.push({ month, figure });
    i = last;
  }
  return dates;
}
