import { normalizeForSearch } from './arabic-normalize';
import { arabicRoot } from './arabic-root';

// The matcher reads search keys: Arabic folded (ة → ه, ى → ي, أ → ا), so the roots are read on them.
const root = (word: string) => arabicRoot(normalizeForSearch(word));

describe('arabicRoot: a broken plural, a verb and its noun meet at their root', () => {
  it.each([
    ['المساجد', 'مسجد', 'سجد'],
    ['مساجد', 'المسجد', 'سجد'],
    ['تحرق', 'حرق', 'حرق'],
    ['احراق', 'يحرقون', 'حرق'],
    ['مستشفيات', 'مستشفى', 'شفي'],
    ['قتلى', 'مقتل', 'قتل'],
    ['يقتل', 'قتل', 'قتل'],
    ['المدارس', 'مدرسة', 'درس'],
    ['الاطفال', 'طفل', 'طفل'],
    ['لقاحات', 'اللقاح', 'لقح'],
    ['الانتخابات', 'انتخاب', 'نخب'],
    ['المتظاهرين', 'متظاهرون', 'ظاهر'],
  ])('%s and %s → %s', (a, b, expected) => {
    expect([root(a), root(b)]).toEqual([expected, expected]);
  });

  it('reads diacritics and the unfolded letters as the search key does', () => {
    expect(arabicRoot('مُسْتَشْفَى')).toBe(root('مستشفي'));
    expect(arabicRoot('مدرسة')).toBe(root('مدرسه'));
  });

  it('leaves a three-letter word as it is', () => {
    expect(root('حرق')).toBe('حرق');
    expect(root('سجن')).toBe('سجن');
  });
});

describe('arabicRoot: words of other roots stay apart', () => {
  it.each([
    ['مسجد', 'سجن'], // mosque, prison
    ['تحرق', 'حرب'], // burns, war
    ['قتلى', 'قبلة'], // the dead, a kiss
    ['المدارس', 'المدراء'], // schools, managers
    ['مستشفيات', 'مستشارين'], // hospitals, advisers
    ['لقاحات', 'لقاءات'], // vaccines, meetings
  ])('%s and %s', (a, b) => {
    expect(root(a)).not.toBe(root(b));
  });

  it('merges some words without a dictionary (a known limit of ISRI: a name may read as a root)', () => {
    expect(root('امريكا')).toBe(root('امير'));
  });
});
