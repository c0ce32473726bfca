import { normalizeForSearch } from './arabic-normalize';
import { calendarMonths, monthsInDates } from './calendar-months';

const months = (text: string) => [...new Set(monthsInDates(normalizeForSearch(text)).map((d) => d.month))];

describe('month names from the ICU data Node ships', () => {
  it.each([
    ['Egyptian and Gulf', 'مارس', 3],
    ['Levantine', 'آذار', 3],
    ['Levantine, two words', 'كانون الثاني', 1],
    ['Maghrebi', 'أوت', 8],
    ['Maghrebi', 'جوان', 6],
    ['Moroccan', 'غشت', 8],
    ['English, short', 'Sep', 9],
    ['Russian, genitive', 'марта', 3],
    ['Russian, prepositional', 'марте', 3],
  ])('knows the %s name %s', (_, name, month) => {
    expect(calendarMonths().get(normalizeForSearch(name))).toBe(month);
  });
});

describe('the months a text names in a date', () => {
  it.each([
    ['a day and a month in Arabic', 'يحرر سعر صرف الجنيه في 6 مارس 2024', [3]],
    ['Arabic-Indic digits and the Levantine name', 'في ٧ آب ٢٠٢٤', [8]],
    ['the Maghrebi name', 'مساء 7 أوت 2024', [8]],
    ['two words', 'في 8 كانون الثاني', [1]],
    ['an American date', 'On March 6, 2024, the central bank floated the pound', [3]],
    ['Russian, in the genitive', 'Армия Судана 11 января 2025 года отбила город', [1]],
  ])('reads %s', (_, text, expected) => {
    expect(months(text)).toEqual(expected);
  });

  it.each([
    ['مارس the verb ("exerted")', 'مارس ضغوطا على الحكومة'],
    ['"may" the modal', 'Egypt may float the pound again'],
    ['a month with no figure beside it', 'in March the central bank floated the pound'],
  ])('reads no month in %s', (_, text) => {
    expect(months(text)).toEqual([]);
  });
});
