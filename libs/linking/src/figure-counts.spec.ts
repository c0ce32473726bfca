import { normalizeForSearch } from '@isnad/text';
import { countedAfterFigures, otherCount, otherTableUnit, otherUnit } from './figure-counts';

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

describe('the same figure in another unit', () => {
  it.each([
    ['riyals for dollars', 'أرامكو تعلن أرباحا صافية بقيمة 27 مليار ريال في الربع الثاني', 'أرامكو تعلن أرباحا صافية بقيمة 27 مليار دولار في الربع الثاني', ['27000000000 ريال', '27000000000 دولار']],
    ['tonnes for barrels', 'استئناف الإنتاج في حقل الشرارة بمعدل 270 ألف طن يوميا', 'استئناف الإنتاج في حقل الشرارة بمعدل 270 ألف برميل يوميا', ['270000 طن', '270000 برميل']],
    ['kilometres for megawatts', 'a contract to build 6,000 kilometres of transmission lines', 'a contract to add 6,000 megawatts to the grid', ['6000 kilometres', '6000 megawatts']],
  ])('tells %s', (_, a, b, expected) => {
    expect(otherUnit(key(a), key(b))).toEqual(expected);
  });

  it.each([
    ['the unit elsewhere in the other text', '270,000 barrels a day from Sharara', 'Sharara pumps 270,000 a day, in barrels'],
    ['an Arabic form of the same word', 'سجلت 2500 إصابة', 'تسجيل 2500 إصابات'],
    ['the same figure in Arabic-Indic digits and the same unit', 'قرض ب٧٠٠ مليون دولار لمصر', 'قرض بقيمة 700 مليون دولار لمصر'],
    ['words of two scripts, which only a translation compares', '6,000 megawatts for Iraq', 'إضافة 6000 ميغاواط'],
    ['a count of people worded otherwise', 'تسجيل 18 حالة في إربد', 'تسجيل 18 إصابة في إربد'],
    ['a thousand cases worded otherwise', 'الصحة السودانية: ١١٨٧ حالة حمى ضنك في الخرطوم', 'وزارة الصحة السودانية تسجل 1187 إصابة بحمى الضنك في الخرطوم'],
    ['a thousand people worded otherwise', '2,476 people pardoned', '2,476 persons pardoned'],
    ['a day before two month names', '7 آب 2024', '7 أوت 2024'],
    ['a number followed by no unit', 'Please do not text to 89800 or any other number', 'Should you text COUNT ME to 89800 should you march'],
  ])('does not tell another unit with %s', (_, a, b) => {
    expect(otherUnit(key(a), key(b))).toBeNull();
  });
});

describe('the same figure in another unit of the units table, in any script', () => {
  it.each([
    ['dollars for euros, in Arabic', 'مصر والاتحاد الأوروبي يوقعان اتفاقية بقيمة 7.4 مليار دولار', 'مصر والاتحاد الأوروبي يوقعان اتفاقية بقيمة 7.4 مليار يورو', ['7400000000 دولار', '7400000000 يورو']],
    ['pounds for dollars, Russian against Arabic', 'Доходы Суэцкого канала упали до 1,2 млрд фунтов', 'إيرادات قناة السويس تراجعت إلى 1.2 مليار دولار', ['1200000000 фунтов', '1200000000 دولار']],
    ['cubic feet for cubic metres', 'gas to Syria through Jordan, 2 million cubic feet a day', 'gas to Syria through Jordan, 2 million cubic metres a day', ['2000000 cubic feet', '2000000 cubic metres']],
    ['kilometres for megawatts, English against Arabic', 'a contract for 6,000 kilometres of lines', 'عقد لإضافة 6000 ميغاواط', ['6000 kilometres', '6000 ميغاواط']],
  ])('tells %s', (_, a, b, expected) => {
    expect(otherTableUnit(key(a), key(b))).toEqual(expected);
  });

  it.each([
    ['pounds for piastres, across scripts', 'Egypt raises the price of a loaf to 20 pounds', 'مصر ترفع سعر الرغيف إلى 20 قرشا', ['20 pounds', '20 قرشا']],
    ['lorries for tonnes', 'Jordan sent 40 trucks of aid to Gaza', 'Jordan sent 40 tonnes of aid to Gaza', ['40 trucks', '40 tonnes']],
  ])('tells a currency or a load of another size: %s', (_, a, b, expected) => {
    expect(otherTableUnit(key(a), key(b))).toEqual(expected);
  });

  it.each([
    ['the same unit in two scripts', 'Египет и ЕС заключили соглашение на 7,4 млрд евро', 'مصر والاتحاد الأوروبي يوقعان اتفاقية بقيمة 7.4 مليار يورو'],
    ['the same unit as a symbol, which a key drops', 'Egypt, EU sign €7.4bn deal', 'مصر والاتحاد الأوروبي يوقعان اتفاقية بقيمة 7.4 مليار يورو'],
    ['a lira and a pound, one unit', 'Syria raises salaries by 400,000 pounds', 'زيادة الرواتب 400 ألف ليرة'],
    ['both units named in the other text', '2 million cubic metres a day, 70 million cubic feet', '2 million cubic feet a day'],
    ['MW for megawatts', 'gas to generate 400 MW of power', 'gas to generate 400 megawatts of electricity'],
  ])('does not tell another unit with %s', (_, a, b) => {
    expect(otherTableUnit(key(a), key(b))).toBeNull();
  });
});
