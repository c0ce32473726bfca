import { normalizeForSearch } from '@isnad/text';
import { countedAfterFigures, otherCount } from './figure-counts';

const key = normalizeForSearch;

describe('what a figure counts', () => {
  it.each([
    ['deaths for suspected cases', 'تسجيل 250 حالة وفاة بالكوليرا في الحديدة', 'تسجيل 250 حالة اشتباه بالكوليرا في الحديدة', ['250', 'killed']],
    ['points for a percentage', 'ارتفاع البطالة بمقدار 22.3 نقطة في 2023', 'ارتفاع البطالة إلى 22.3% في 2023', ['22.3', 'points']],
    ['the wounded for the displaced, across languages', '30 wounded in a strike on a school', 'غارة على مدرسة تؤوي 30 نازحا', ['30', 'wounded']],
    ['the other way round', 'Hodeidah: 250 suspected cholera cases', 'Hodeidah: 250 cholera deaths', ['250', 'killed']],
  ])('tells %s', (_, a, b, expected) => {
    expect(otherCount(key(a), key(b))).toEqual(expected);
  });

  it.each([
    ['both count deaths', '30 killed in a strike on a school', 'غارة على مدرسة تقتل 30 شخصا'],
    ['deaths named elsewhere in the other text', '30 dead in Nuseirat', 'Israeli strike killed 30 in Nuseirat'],
    ['basis points in both', 'يخفض سعر الفائدة 200 نقطة أساس', 'cut rates by 200 basis points'],
    ['a percentage written out against a dropped "%"', 'ставка до 45 процентов', 'rate raised to 45%'],
    ['another figure, which the figure rules read', '250 deaths', '12 cases'],
  ])('does not tell another count when %s', (_, a, b) => {
    expect(otherCount(key(a), key(b))).toBeNull();
  });

  it('reads what the two words after each figure count', () => {
    expect(countedAfterFigures(key('3 killed and 12 wounded, up 2 points'))).toEqual(new Map([['3', new Set(['killed'])], ['12', new Set(['wounded'])], ['2', new Set(['points'])]]));
  });
});
