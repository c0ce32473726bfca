import { normalizeForSearch } from '@isnad/text';
import { actorsIn, eventsIn, oppositeDirection, otherEvent, reversedRoute, thingsIn } from './claim-predicates';

const key = normalizeForSearch;

describe('claim predicates', () => {
  it.each([
    ['raised / cut', 'Algeria raised its gas exports to Italy', 'Algeria cut its gas exports to Italy', ['raised', 'cut']],
    ['رفع / خفض', 'السعودية تعلن رفع إنتاجها النفطي', 'السعودية تعلن خفض إنتاجها النفطي', ['رفع', 'خفض']],
    ['يرفع / يخفض, with the verb prefix', 'البنك المركزي يرفع سعر الفائدة', 'البنك المركزي يخفض سعر الفائدة', ['يرفع', 'يخفض']],
    ['opened / closed', 'Egypt opened the Rafah crossing', 'Egypt closed the Rafah crossing', ['opened', 'closed']],
    ['فتح / أغلق', 'مصر تفتح معبر رفح', 'مصر أغلقت معبر رفح', ['تفتح', 'اغلقت']],
    ['تستأنف / تعلق', 'القطرية تستأنف الرحلات إلى بيروت', 'القطرية تعلق الرحلات إلى بيروت', ['تستانف', 'تعلق']],
    ['arrived / left, across languages', 'وزير الخارجية يصل إلى دمشق', 'The foreign minister left Damascus', ['يصل', 'left']],
    ['открыла / закрыла', 'Полиция открыла пункт наблюдения', 'Полиция закрыла пункт наблюдения', ['открыла', 'закрыла']],
    ['increase / decrease', 'prices will increase', 'prices will decrease', ['increase', 'decrease']],
    ['released / seized', 'Houthi forces released the crew of a cargo ship', 'Houthi forces seized a cargo ship', ['released', 'seized']],
    ['возобновила / прекратила', 'Авиакомпания возобновила рейсы в Бейрут', 'Авиакомпания прекратила рейсы в Бейрут', ['возобновила', 'прекратила']],
    ['raised / eased', 'the central bank raised interest rates', 'the central bank eased interest rates', ['raised', 'eased']],
    ['يتعافى / يتراجع: a currency recovering rises', 'الريال اليمني يتعافى في عدن', 'الريال اليمني يتراجع في عدن', ['يتعافي', 'يتراجع']],
    ['crowned / lost (Arabic)', 'الأهلي يتوج بلقب دوري أبطال أفريقيا', 'الأهلي يخسر لقب دوري أبطال أفريقيا', ['يتوج', 'يخسر']],
  ])('tells opposite directions: %s', (_, a, b, words) => {
    expect(oppositeDirection(key(a), key(b))).toEqual(words);
  });

  it.each([
    ['in English', 'Turkey moved 300 fighters from Libya to Idlib', 'Turkey transferred 300 fighters from Idlib to Libya', ['libya', 'idlib']],
    ['in Arabic, with the article', 'نقل مقاتلين من ليبيا إلى إدلب', 'نقل مقاتلين من إدلب الى الليبيا', ['ليبيا', 'ادلب']],
    ['in Russian, under other case endings', 'Турция перебросила боевиков из Ливии в Идлиб', 'Турция перебросила боевиков из Идлиба в Ливию', ['ливии', 'идлиб']],
  ])('tells a route given the other way round %s', (_, a, b, ends) => {
    expect(reversedRoute(key(a), key(b))).toEqual(ends);
  });

  it('does not call the same route, or a route with one end only, reversed', () => {
    expect(reversedRoute(key('From Idlib to Libya: Turkey moved 300 fighters'), key('Turkey moved 300 fighters from Idlib to Libya'))).toBeNull();
    expect(reversedRoute(key('fighters moved from Idlib'), key('fighters moved to Idlib'))).toBeNull();
  });

  it.each([
    ['the same direction in other words', 'Turkey cut the flow of the Euphrates', 'Turkey has reduced the Euphrates flow'],
    ['the same direction across languages', 'تركيا تخفض تدفق مياه الفرات', 'Turkey cut the flow of the Euphrates'],
    ['a text that goes both ways', 'prices rose after the cut in subsidies', 'the government cut subsidies'],
    ['a text with no direction', 'Lebanon central bank exchange rate', 'رفع مصرف لبنان سعر الصرف'],
  ])('does not call %s opposite', (_, a, b) => {
    expect(oppositeDirection(key(a), key(b))).toBeNull();
  });

  it.each([
    ['vaccines distributed / cases recorded', 'وزارة الصحة توزع لقاحات الكوليرا في السليمانية', 'وزارة الصحة تسجل 12 إصابة بالكوليرا في السليمانية'],
    ['agreement signed / exercises held', 'Россия и Сирия подписали соглашение в Тартусе', 'Россия и Сирия провели учения у Тартуса'],
    ['a minister appointed / parliament dissolved', "Tunisia's president appointed a new prime minister", "Tunisia's president dissolved parliament and called elections"],
    ['a ship sunk / a ship seized', 'Houthi forces sank a cargo ship in the Red Sea', 'Houthi forces seized a cargo ship in the Red Sea'],
    ['residence granted / workers deported', 'الكويت تمنح 300 عامل مصري إقامات دائمة', 'الكويت ترحل 300 عامل مصري'],
    ['talks held / exercises held', 'Россия и Сирия провели переговоры у Тартуса', 'Россия и Сирия провели учения у Тартуса'],
  ])('tells another event of the same story: %s', (_, a, b) => {
    expect(otherEvent(key(a), key(b))).not.toBeNull();
  });

  it.each([
    ['the same event in other words', 'مقتل ثلاثة جنود إسرائيليين في اشتباكات', 'الجيش يعلن مقتل 3 من جنوده'],
    ['the same event across languages', 'Iraq records 12 cholera cases', 'تسجيل 12 إصابة بالكوليرا'],
    ['a text that names no event', 'Oman: citizens of 103 countries can enter for 10 days', 'Oman exempts citizens of 103 countries from visas'],
  ])('does not call %s another event', (_, a, b) => {
    expect(otherEvent(key(a), key(b))).toBeNull();
  });

  it('reads the kind of event a text reports, in Arabic, English and Russian', () => {
    expect([...eventsIn(key('ارتفاع عدد الضحايا إلى 5300 قتيل')).keys()]).toEqual(expect.arrayContaining(['level', 'killed']));
    expect([...eventsIn(key('Kuwait deported 300 workers')).keys()]).toEqual(['deportation']);
    expect([...eventsIn(key('Россия поставила пшеницу')).keys()]).toEqual(['delivery']);
  });

  it('names armed groups and organisations whatever the language and the clitics', () => {
    expect(actorsIn(key('حركة حماس تعلن مقتل 3 من مقاتليها'))).toEqual(new Set(['hamas']));
    expect(actorsIn(key('Houthi forces seized a ship'))).toEqual(new Set(['houthis']));
    expect(actorsIn(key('منظمة الصحة العالمية تحذر'))).toEqual(new Set(['world health organization']));
    expect(actorsIn(key('حركة الجهاد الإسلامي تعلن مقتل 3 من مقاتليها'))).toEqual(new Set(['islamic jihad']));
    expect(actorsIn(key('Wagner forces recaptured the palace'))).toEqual(new Set(['wagner']));
    expect(actorsIn(key('бойцы Вагнера покинули Бахмут'))).toEqual(new Set(['wagner']));
    expect(actorsIn(key('Who said this?'))).toEqual(new Set());
    expect(actorsIn(key('مصر تتلقى شريحة من صندوق النقد الدولي'))).toEqual(new Set(['imf']));
  });

  it.each([
    ['a school in Arabic, with the preposition and the article', 'غارة على مدرسة تؤوي نازحين', ['school']],
    ['a hospital in Russian, under a case ending', 'удар по больнице в Нусейрате', ['hospital']],
    ['goods under the article', 'المغرب يستورد الشعير والقمح', ['barley', 'wheat']],
    ['an abbreviation and its full word', 'пожар на НПЗ, нефтеперерабатывающем заводе', ['refinery']],
    ['nothing', 'Kuwait dissolved parliament', []],
    ['pensions, not wages', 'Jordan raises retirees\' pensions by 5%', ['pension']],
    ['a bank in Arabic and a minister', 'عقوبات على وزير المالية والمصرف التجاري', ['bank', 'minister']],
    ['the West Bank is no bank, the cabinet no minister', 'مجلس الوزراء يناقش الوضع في الضفة الغربية, West Bank crossings', []],
    ['diseases in the three languages', 'malaria, التهاب الكبد, холера, حمى الضنك', ['hepatitis', 'malaria', 'cholera', 'dengue']],
  ])('names what an act is done to: %s', (_, text, things) => {
    expect([...thingsIn(key(text))]).toEqual(things);
  });
});
