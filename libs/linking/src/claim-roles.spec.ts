import { normalizeForSearch } from '@isnad/text';
import { rolesIn, speakersIn, swappedRoles, swappedSpeakers } from './claim-roles';

const key = normalizeForSearch;

// The countries the cases name, as CrossLanguageLexicon.placesIn reads them (English names).
const COUNTRIES: Record<string, string> = {
  israel: 'israel', اسراييل: 'israel', израиль: 'israel', اسراييليه: 'israel',
  russia: 'russia', روسيا: 'russia', россия: 'russia', россию: 'russia', россиеи: 'russia', russian: 'russia',
  ukraine: 'ukraine', اوكرانيا: 'ukraine', украина: 'ukraine', украину: 'ukraine', ukrainian: 'ukraine',
  turkish: 'turkiye', турецких: 'turkiye', تركي: 'turkiye', ирака: 'iraq', crimea: 'crimea', qamishli: 'qamishli', gaza: 'gaza', غزه: 'gaza', газе: 'gaza', lebanon: 'lebanon',
  iran: 'iran', 'united states': 'united states', iraq: 'iraq', العراقيه: 'iraq', العراق: 'iraq', الكويت: 'kuwait', kuwait: 'kuwait', السوداني: 'sudan', azerbaijan: 'azerbaijan', armenia: 'armenia',
};
const placesIn = (phrase: string) => new Set(COUNTRIES[phrase] ? [COUNTRIES[phrase]] : []);
const roles = (text: string) => rolesIn(key(text), placesIn);
const swapped = (a: string, b: string) => swappedRoles(key(a), key(b), placesIn);

describe('who does what to whom', () => {
  it.each([
    ['English, active', 'Israel accuses Hezbollah of firing rockets at Kiryat Shmona', 'accuse', ['israel'], ['hezbollah']],
    ['English, passive headline', 'Hezbollah accused by Israel of firing rockets', 'accuse', ['israel'], ['hezbollah']],
    ['English, passive with its auxiliary', 'SDF positions near Qamishli were attacked by Turkish drones', 'attack', ['turkiye'], ['sdf']],
    ['English, the target marked by "on"', 'The United States imposes sanctions on Iran over its drone programme', 'sanction', ['united states'], ['iran']],
    ['Arabic, subject first', 'إسرائيل تتهم حزب الله بإطلاق صواريخ على كريات شمونة', 'accuse', ['israel'], ['hezbollah']],
    ['Arabic, verb first (VSO)', 'اتهمت روسيا أوكرانيا بقصف محطة زابوريجيا النووية', 'accuse', ['russia'], ['ukraine']],
    ['Arabic, the noun with a nationality and ل', 'اتهامات إسرائيلية لحزب الله بإطلاق صواريخ', 'accuse', ['israel'], ['hezbollah']],
    ['Arabic, passive with من قبل', 'أوكرانيا متهمة من قبل روسيا بقصف محطة زابوريجيا', 'accuse', ['russia'], ['ukraine']],
    ['Arabic, passive with من', 'قوات الدعم السريع متهمة من الجيش السوداني بقصف مستشفى', 'accuse', ['sudan'], ['rapid support forces']],
    ['Russian, active', 'Россия обвинила Украину в обстреле Запорожской АЭС', 'accuse', ['russia'], ['ukraine']],
    ['Russian, passive with the instrumental', 'Украина обвинена Россией в обстреле Запорожской АЭС', 'accuse', ['russia'], ['ukraine']],
    ['Russian, object first (accusative)', 'Украину обвинила Россия в обстреле ЗАЭС', 'accuse', ['russia'], ['ukraine']],
  ])('reads the doer and the target: %s', (_, text, act, agents, patients) => {
    expect(roles(text)).toEqual({ act, agents, patients });
  });

  it.each([
    ['a subject no table knows before an Arabic verb', 'نصرالله يحذر إسرائيل من أن أي هجوم على لبنان سيشعل حربا', 'threaten', [], ['israel']],
    ['a subject no table knows before a Russian verb', 'Насралла предупредил Израиль, что нападение на Ливан приведет к войне', 'threaten', [], ['israel']],
  ])('takes no name for the doer that the sentence does not give: %s', (_, text, act, agents, patients) => {
    expect(roles(text)).toEqual({ act, agents, patients });
  });

  // "in the north of Iraq" says where, in any language: Iraq is neither the doer nor the target.
  it.each([
    ['Russian', 'Пять турецких военных погибли при атаке беспилотника на севере Ирака', { act: 'attack', agents: ['turkiye'], patients: [] }],
    ['Arabic', 'قصف تركي يستهدف مواقع شمال العراق', { act: 'attack', agents: ['turkiye'], patients: [] }],
    ['English', 'Turkish drones struck positions in northern Iraq', { act: 'attack', agents: ['turkiye'], patients: [] }],
  ])('reads a name after a direction as the place, not the target: %s', (_, text, expected) => {
    expect(roles(text)).toEqual(expected);
  });

  it('reads only the first act, and none where no act has a doer or a target', () => {
    expect(roles('Azerbaijan accuses Armenia of shelling its positions')).toEqual({ act: 'accuse', agents: ['azerbaijan'], patients: ['armenia'] });
    expect(roles('Iran hit with new US sanctions over drone programme')).toBeNull();
    expect(roles('Russia and Ukraine signed a grain deal')).toBeNull();
  });

  it.each([
    ['in English', 'Hezbollah accuses Israel of firing rockets at Kiryat Shmona', 'Israel accuses Hezbollah of firing rockets at Kiryat Shmona', ['hezbollah → israel', 'israel → hezbollah']],
    ['the passive against the active', 'Israel was accused by Hezbollah of firing rockets', 'Israel accuses Hezbollah of firing rockets', ['hezbollah → israel', 'israel → hezbollah']],
    ['in Arabic', 'حزب الله يتهم إسرائيل بإطلاق صواريخ', 'إسرائيل تتهم حزب الله بإطلاق صواريخ', ['hezbollah → israel', 'israel → hezbollah']],
    ['in Russian', 'Украина обвинила Россию в обстреле Запорожской АЭС', 'Россия обвинила Украину в обстреле Запорожской АЭС', ['ukraine → russia', 'russia → ukraine']],
    ['across languages', 'Ukraine accuses Russia of shelling the Zaporizhzhia plant', 'روسيا تتهم أوكرانيا بقصف محطة زابوريجيا', ['ukraine → russia', 'russia → ukraine']],
    ['with adjectives of nationality', 'Russian drones attacked a Ukrainian air base in Crimea', 'Ukrainian drones attacked a Russian air base in Crimea', ['russia → ukraine', 'ukraine → russia']],
    ['with one role left out', 'حزب الله يتهم', 'Israel accuses Hezbollah of firing rockets', ['hezbollah → ?', 'israel → hezbollah']],
  ])('tells the roles exchanged %s', (_, a, b, values) => {
    expect(swapped(a, b)).toEqual(values);
  });

  it.each([
    ['the passive of the same roles', 'Hezbollah was accused by Israel of rocket fire', 'Israel accuses Hezbollah of firing rockets'],
    ['the same roles in Arabic, verb first', 'اتهمت روسيا أوكرانيا بقصف محطة زابوريجيا', 'Россия обвинила Украину в обстреле Запорожской АЭС'],
    ['the Russian passive of the same roles', 'Украина обвинена Россией в обстреле', 'Russia accuses Ukraine of shelling'],
    ['other partners', 'Hamas accuses Israel of violating the ceasefire in Gaza', 'Israel accuses Hezbollah of firing rockets'],
    ['other acts', 'Israel attacked Hezbollah positions', 'Hezbollah accuses Israel of firing rockets'],
    ['the same roles with the place where it happened', 'Israel accuses Hamas of violating the ceasefire in Gaza', 'إسرائيل تتهم حماس بخرق وقف إطلاق النار في غزة'],
  ])('does not call %s exchanged', (_, a, b) => {
    expect(swapped(a, b)).toBeNull();
  });
});

describe('who says it of whom', () => {
  const speakers = (text: string) => speakersIn(key(text), placesIn);
  const swappedSpeaking = (a: string, b: string) => swappedSpeakers(key(a), key(b), placesIn);

  it.each([
    ['English, before "said"', 'Hezbollah said Israel had violated the ceasefire in south Lebanon', ['hezbollah']],
    ['English, a possessive before "says"', "Kurdistan owes Baghdad $5 billion, Israel's ministry says", ['israel']],
    ['Arabic, after the verb', 'قالت إسرائيل إن حزب الله خرق وقف إطلاق النار', ['israel']],
    ['Russian', 'Израиль заявил, что «Хезболла» нарушила режим прекращения огня', ['israel']],
    ['no verb of saying', 'Israel violated the ceasefire more than 100 times: Hezbollah', []],
    ['English, a possessive three words before "said"', "Iraq's oil ministry said the Kurdistan Regional Government owes Baghdad $5 billion", ['iraq']],
    ['an Arabic headline, the speaker before a colon', 'حزب الله: إسرائيل خرقت وقف إطلاق النار في جنوب لبنان', ['hezbollah']],
    ['an Arabic headline with diacritics', 'حِزْبُ اللهِ: إِسْرَائِيلُ خَرَقَتْ وَقْفَ إِطْلَاقِ النَّارِ', ['hezbollah']],
    ['an Arabic headline, the speaker a ministry', 'وزارة النفط العراقية: حكومة إقليم كردستان مدينة لبغداد بأكثر من 5 مليارات دولار', ['iraq']],
    ['an Arabic sentence, the second name after a verb', 'إسرائيل تقصف مواقع حزب الله في جنوب لبنان', []],
    ['an English headline listing two names', 'Israel, Hezbollah agree to extend the ceasefire', []],
    ['one who accuses, without a verb of saying', 'الكويت تتهم العراق بانتهاك اتفاقية خور عبد الله', ['kuwait']],
  ])('reads the speaker: %s', (_, text, expected) => {
    expect(speakers(text)).toEqual(expected);
  });

  it.each([
    ['English', 'Israel said Hezbollah had violated the ceasefire in south Lebanon more than 100 times', 'Hezbollah said Israel had violated the ceasefire in south Lebanon more than 100 times', ['israel', 'hezbollah']],
    ['across languages', 'Израиль заявил, что «Хезболла» более 100 раз нарушила режим прекращения огня', 'Hezbollah said Israel had violated the ceasefire more than 100 times', ['israel', 'hezbollah']],
    ['two Arabic headlines', 'إسرائيل: حزب الله خرق وقف إطلاق النار في جنوب لبنان أكثر من 100 مرة', 'حزب الله: إسرائيل خرقت وقف إطلاق النار في جنوب لبنان أكثر من ١٠٠ مرة', ['israel', 'hezbollah']],
    ['an English sentence against an Arabic headline', 'The Kurdistan Regional Government said Baghdad owes it more than $5 billion', 'وزارة النفط العراقية: حكومة إقليم كردستان مدينة لبغداد بأكثر من 5 مليارات دولار', ['kurdistan region', 'iraq']],
    ['an Arabic headline against an accusation', 'العراق: الكويت تنتهك اتفاقية الملاحة في خور عبد الله', 'الكويت تتهم العراق بانتهاك اتفاقية الملاحة في خور عبد الله', ['iraq', 'kuwait']],
  ])('tells another speaker: %s', (_, a, b, expected) => {
    expect(swappedSpeaking(a, b)).toEqual(expected);
  });

  it.each([
    ['the same speaker, put last', 'Israel violated the south Lebanon ceasefire more than 100 times, Hezbollah says', 'Hezbollah said Israel had violated the ceasefire in south Lebanon more than 100 times'],
    ['a text that names no speaker', 'Israel violated the south Lebanon ceasefire more than 100 times: Hezbollah', 'Hezbollah said Israel had violated the ceasefire more than 100 times'],
    ['an Arabic headline and a sentence of the same speaker', 'حزب الله: إسرائيل خرقت وقف إطلاق النار أكثر من 100 مرة', 'Hezbollah said Israel had violated the ceasefire more than 100 times'],
    ['speakers that speak of other parties', 'Iran said the talks in Gaza had failed', 'Hezbollah said Israel had violated the ceasefire'],
    ['an Arabic headline of the one who accuses', 'الكويت: العراق ينتهك اتفاقية الملاحة في خور عبدالله', 'الكويت تتهم العراق بانتهاك اتفاقية الملاحة في خور عبد الله'],
  ])('does not tell another speaker for %s', (_, a, b) => {
    expect(swappedSpeaking(a, b)).toBeNull();
  });
});
