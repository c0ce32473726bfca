import { normalizeForSearch } from '@isnad/text';
import { CrossLanguageLexicon, arabicLookupForms, russianStem, transliterateCyrillic } from './cross-language';

const lexicon = new CrossLanguageLexicon();
const translate = (text: string, language: string) =>
  Object.fromEntries(lexicon.translations(normalizeForSearch(text), language).map((t) => [t.language, t.key.split(' ')]));

describe('cross-language lexicon', () => {
  it('translates an Arabic text word by word into English, with places and digits', () => {
    const { en } = translate('قتل 12 من الجنود في سوريا قرب دمشق', 'ar');
    expect(en).toEqual(expect.arrayContaining(['12', 'soldiers', 'syria', 'damascus']));
    expect(en).not.toContain('من');
  });

  it('names places in Russian and English from Arabic, and in Arabic from Russian', () => {
    expect(translate('اجتماع في موسكو', 'ar').ru).toContain('москва');
    expect(translate('Переговоры в Дамаске', 'ru').ar).toContain('دمشق');
    expect(translate('talks in Damascus', 'en').ar).toContain('دمشق');
  });

  // What each translation renders of the text, so that its coverage of a candidate counts for no more.
  it.each([
    ['a Lebanese headline in Russian: the place alone', 'ميقاتي: عبء اللاجئين السوريين أكبر من قدرة لبنان', 'ar', 'ru', ['لبنان'], 7],
    ['the same in English: the words the dictionary knows (ميقاتي too, as a word) and the place', 'ميقاتي: عبء اللاجئين السوريين أكبر من قدرة لبنان', 'ar', 'en', ['ميقاتي', 'عبء', 'السوريين', 'اكبر', 'قدره', 'لبنان'], 7],
    ['digits carry over, stop words do not count', 'قتل 12 من الجنود في سوريا', 'ar', 'en', ['قتل', '12', 'الجنود', 'سوريا'], 4],
  ])('%s', (_case, text, language, target, rendered, words) => {
    const translation = lexicon.translations(normalizeForSearch(text), language).find((t) => t.language === target);
    expect(translation?.rendered).toEqual(rendered.map(normalizeForSearch));
    expect(lexicon.wordsToRender(normalizeForSearch(text), language)).toBe(words);
  });

  it('spells Russian names it does not know in Latin letters for English', () => {
    expect(transliterateCyrillic('шойгу')).toBe('shoygu');
    // Search keys drop combining marks, so й arrives as и.
    expect(translate('Шойгу прибыл', 'ru').en).toContain('shoigu');
  });

  // Sputnik's stories start in Russian: their words, not only their places and names, must carry over.
  it('translates a Russian text word by word whatever the case and number of its words', () => {
    const { en, ar } = translate('В список целей включены христианские церкви, мечети и молельные дома', 'ru');
    expect(en).toEqual(expect.arrayContaining(['list', 'christian', 'mosque', 'home']));
    expect(ar).toEqual(expect.arrayContaining(['القايمه', 'المسيحي', 'المسجد']));
    expect(translate('Иордания закрыла пограничный переход после столкновений с контрабандистами', 'ru').en).toEqual(
      expect.arrayContaining(['jordan', 'smuggler']),
    );
  });

  it('files a Russian word under its Snowball stem, and reads a search key\'s и for й', () => {
    expect(russianStem('мечетями')).toBe(russianStem('мечеть'));
    expect(russianStem(normalizeForSearch('представителей'))).toBe(russianStem('представитель'));
    // Snowball cuts объем to объ: the stem of объемом is the dictionary word itself.
    expect(translate('партия пшеницы объемом 60 тысяч тонн', 'ru').en).toEqual(expect.arrayContaining(['wheat', '60', 'bulk']));
  });

  it('renders a two-word Russian term as the English word it stands for, in any case', () => {
    expect(translate('Израиль нарушил режим прекращения огня', 'ru').en).toContain('ceasefire');
    expect(translate('Израиль нарушил режим прекращения огня', 'ru').en).not.toContain('ognya');
  });

  it('renders no Russian function word, and no dictionary word as a town through a cut ending', () => {
    const { en } = translate('Министерство нефти Ирака заявило, что экспорт возобновится после праздников', 'ru');
    // нефти is oil, not the Tunisian town Nefta that нефта would be; после is "after", no word of the claim.
    expect(en).toEqual(expect.arrayContaining(['ministry', 'oil', 'iraq', 'export']));
    expect(en).not.toContain('nefta');
    expect(lexicon.wordsToRender(normalizeForSearch('экспорт после праздников'), 'ru')).toBe(2);
    // Countries the key spells otherwise: США, Египту.
    expect(translate('США поставят Египту пшеницу', 'ru').ar).toEqual(expect.arrayContaining(['مصر', normalizeForSearch('الولايات المتحدة').split(' ')[0]]));
  });

  it('renders a Russian word in Arabic by its first English sense only', () => {
    // мирных is "peaceful, placid": through both, one Russian word would be two Arabic ones.
    expect(translate('мирных', 'ru').ar).toHaveLength(1);
  });

  it('gives no Arabic for a Russian word it only spells in Latin letters', () => {
    // газе spelt "gaze" is no English word to translate on into Arabic.
    expect(translate('перемирие в газе', 'ru').ar ?? []).not.toContain(normalizeForSearch('النظرة'));
  });

  it('takes a Russian lexeme of the index for a possible name unless it is a place: the index keeps stems, and Лавров is лавр', () => {
    expect(lexicon.mayBeName('лавр', 'ru')).toBe(true);
    expect(lexicon.mayBeName('москва', 'ru')).toBe(false);
    expect(lexicon.mayBeName('cream', 'en')).toBe(false);
    expect(lexicon.mayBeName('lavrov', 'en')).toBe(true);
  });

  it('looks an Arabic word up without its clitics and article', () => {
    expect(arabicLookupForms('والجنود')).toEqual(expect.arrayContaining(['الجنود', 'جنود']));
    expect(arabicLookupForms(normalizeForSearch('بالمستشفى'))).toEqual(expect.arrayContaining([normalizeForSearch('المستشفى'), normalizeForSearch('مستشفى')]));
  });

  it('picks out the words no dictionary or place list knows: the names to look for in other scripts', () => {
    const arabic = lexicon.unknownWords(normalizeForSearch('زاخاروفا تنتقد تصريحات بلينكن في دمشق'), 'ar');
    expect(arabic).toEqual(expect.arrayContaining(['زاخاروفا', 'بلينكن']));
    expect(arabic).not.toEqual(expect.arrayContaining(['تصريحات']));
    expect(arabic).not.toEqual(expect.arrayContaining(['دمشق']));
    expect(lexicon.unknownWords(normalizeForSearch('Захарова раскритиковала Блинкена'), 'ru')).toEqual(expect.arrayContaining(['захарова', 'блинкена']));
    expect(lexicon.unknownWords(normalizeForSearch('Zakharova accused Blinken in Damascus'), 'en')).toEqual(['zakharova', 'blinken']);
    expect(lexicon.unknownWords('lavrov', 'fr')).toEqual([]);
  });

  it('takes an Arabic dictionary word for a possible name where a name stands, and only there', () => {
    const words = (text: string, language = 'ar') => lexicon.dictionaryWords(normalizeForSearch(text), language);
    // بوتين is "butene" to the dictionary; a headline names its speaker first.
    expect(words('بوتين يبحث هاتفيا مع الرئيس الإيراني العلاقات الثنائية')).toContain('بوتين');
    // After a title, and after a first name no dictionary knows.
    expect(words('قال قائد الجيش السوداني الفريق البرهان إن الجيش لن يتفاوض')).toContain('البرهان');
    expect(words('أعلن مقتدى الصدر اعتزاله العمل السياسي')).toContain('الصدر');
    // Elsewhere a word is a word: حكومة is "government", not Hakim; places are places.
    expect(words('سلام يشكل حكومة لبنانية جديدة')).not.toContain('حكومه');
    expect(words('دمشق تستضيف القمة')).not.toContain('دمشق');
    expect(words('Putin said', 'en')).toEqual([]);
  });

  it('translates nothing from an unknown language', () => {
    expect(lexicon.translations('bonjour', 'fr')).toEqual([]);
    expect(lexicon.translations('bonjour', null)).toEqual([]);
  });
});

describe('places a text names', () => {
  it.each([
    ['a country by its adjective, in Arabic', 'الحكومة المغربية', ['morocco']],
    ['a country by its adjective, in English', 'the Syrian army and Egyptian workers', ['syria', 'egypt']],
    ['a country by its everyday name', 'Turkey and السعودية', ['turkiye', 'saudi arabia']],
    ['a spelling that stands for a country and its capital', 'الجزائر', ['algeria|algiers']],
    ['a country under a Russian case ending', 'кредит Турции, Египту и Сирии', ['turkiye', 'egypt', 'syria']],
    ['a country by its adjective, in Russian', 'российская военная полиция', ['russia']],
    ['a town of the gazetteer and a country by its feminine adjective, in Arabic', 'مصفاة بانياس السورية', ['baniyas', 'syria']],
    ['Turkey by its Arabic adjective, not Chuuk', 'البنك المركزي التركي', ['turkiye']],
  ])('reads %s', (_, text, places) => {
    expect([...lexicon.placesIn(normalizeForSearch(text))].sort()).toEqual([...places].sort());
  });
});

describe('towns of the gazetteer', () => {
  it.each([
    ['in Arabic, with the article left out', 'قصف على سراقب', ['saraqib']],
    ['in Arabic, with its article', 'انفجار في القامشلي', ['al qamishli']],
    ['in English, without the article GeoNames gives', 'an attack near Qamishli', ['al qamishli']],
    ['in English, without the h of -ah', 'migrants intercepted off Zuwara', ['zuwarah']],
    ['in Russian, under a case ending', 'мигранты у Зувары', ['zuwarah']],
    ['as news spells a name GeoNames writes with an ayn', 'Maarrat al-Numan', ['maarrat an numan']],
    ['of several words', 'غارة على بلدة بنت جبيل', ['bent jbail']],
  ])('reads a town %s', (_, text, places) => {
    expect([...lexicon.placesIn(normalizeForSearch(text))]).toEqual(expect.arrayContaining(places));
  });

  it.each([
    ['a word that is also a town (خبر "news", al-Khobar)', 'هذا خبر كاذب'],
    ["a person's name that is also a town (بشار, Béchar)", 'الرئيس بشار الأسد'],
    ['a word whose adjective form looks like a town (susan, Susa)', 'Susan said hello'],
    ['an English word that is a town in another country (Batman)', 'Batman returns'],
  ])('does not take %s for a place', (_, text) => {
    expect([...lexicon.placesIn(normalizeForSearch(text))]).toEqual([]);
  });

  it('names a town in the other languages, in English where it has no name in the target language', () => {
    expect(translate('قصف على سراقب', 'ar').en).toContain('saraqib');
    expect(translate('пожар в Байджи', 'ru').en).toContain('bayji');
    expect(translate('migrants off Zuwara', 'en').ar).toContain('زواره');
    expect(translate('migrants off Zuwara', 'en').ru).toContain('зуара');
  });
});
