import { DataSource } from 'typeorm';
import { MatchStatisticsService } from '@isnad/linking';
import { nameSkeleton, normalizeForSearch } from '@isnad/text';
import { annotate, captureArticle, codePointSpan } from './support/factories';
import { claimMatches } from './support/linking-factories';
import { TestApi } from './support/test-api';

// Sputnik's stories travel Russian → Arabic → English; each outlet here carries one of them.
const GAZA_AR = 'أعلنت وزارة الصحة في غزة أن مستشفى الشفاء خرج عن الخدمة بالكامل بسبب نفاد الوقود.';
const BEIRUT_RU = 'В порту Бейрута прогремел мощный взрыв, погибли более 200 человек.';
const CROSSING_EN = 'Jordan closed its border crossing with Syria at Jaber after clashes near Daraa.';
// No dictionary knows the name, and nothing else in the sentence ties the Arabic text to it.
const PRIGOZHIN_RU = 'Пригожин записал новое обращение к бойцам.';
// The Arabic spelling of this name is a dictionary word too (بوتين: "butene").
const PUTIN_RU = 'Путин наградил военных медалями.';
// Stories another text of which tells another event, or the same event by other actors.
const CHOLERA_AR = 'وزارة الصحة العراقية تسجل 12 إصابة بالكوليرا في السليمانية';
const EUPHRATES_EN = 'Turkey cut the flow of the Euphrates into Syria by half.';
// Hard negatives that share every name and the year with their claim.
const HEPATITIS_EN = "Jordan's health ministry recorded 18 cases of hepatitis A in schools in Irbid in March 2024.";
const FIGHTERS_AR = 'تركيا نقلت 300 مقاتل سوري من إدلب إلى ليبيا.';
// A claim that a text telling the roles the other way round contradicts.
const ACCUSATION_EN = 'Israel accuses Hezbollah of firing rockets at Kiryat Shmona.';

describe('claim matching across languages, with calibrated scores and contradictions', () => {
  let api: TestApi;
  let gaza: { claimId: string };
  let beirut: { claimId: string };
  let crossing: { claimId: string };
  let prigozhin: { claimId: string };
  let putin: { claimId: string };
  let cholera: { claimId: string };
  let euphrates: { claimId: string };
  let hepatitis: { claimId: string };
  let fighters: { claimId: string };
  let accusation: { claimId: string };

  const claimOf = async (url: string, text: string, language: string) => {
    const article = await captureArticle(api, { url, text, language });
    return annotate(api, { articleId: article.id, selector: codePointSpan(article.text, text) });
  };

  beforeAll(async () => {
    api = await TestApi.start();
    gaza = await claimOf('https://arabic.example/gaza-shifa-fuel', GAZA_AR, 'ar');
    beirut = await claimOf('https://ria.example/beirut-port', BEIRUT_RU, 'ru');
    crossing = await claimOf('https://jordan.example/jaber-closed', CROSSING_EN, 'en');
    prigozhin = await claimOf('https://tass.example/prigozhin-address', PRIGOZHIN_RU, 'ru');
    putin = await claimOf('https://ria.example/putin-medals', PUTIN_RU, 'ru');
    cholera = await claimOf('https://iraq.example/cholera-sulaymaniyah', CHOLERA_AR, 'ar');
    euphrates = await claimOf('https://news.example/euphrates-flow', EUPHRATES_EN, 'en');
    hepatitis = await claimOf('https://jordan.example/hepatitis-irbid', HEPATITIS_EN, 'en');
    fighters = await claimOf('https://syria.example/fighters-libya', FIGHTERS_AR, 'ar');
    accusation = await claimOf('https://israel.example/kiryat-shmona-rockets', ACCUSATION_EN, 'en');
  });
  afterAll(() => api?.stop());

  it('finds the Arabic claim from an English text with no translation recorded, through the dictionary', async () => {
    const [best] = await claimMatches(api, 'Al-Shifa hospital in Gaza is completely out of service after its fuel ran out, the health ministry said', {
      language: 'en',
      minScore: 0,
    });
    expect(best).toMatchObject({ claimId: gaza.claimId, relation: 'SAME', matchedLanguage: 'ar' });
    expect(best.reasons.map((r) => r.kind)).toContain('TRANSLATED_TERMS');
  });

  it('finds the Russian claim from Arabic through place names and numbers', async () => {
    const [best] = await claimMatches(api, 'انفجار ضخم في مرفأ بيروت يودي بحياة أكثر من 200 شخص.', { language: 'ar', minScore: 0 });
    expect(best).toMatchObject({ claimId: beirut.claimId, matchedLanguage: 'ru' });
  });

  it('finds the Russian claim from an Arabic text that shares only a name with it, spelt in Arabic letters', async () => {
    const [best] = await claimMatches(api, 'بريغوجين يوجه رسالة مصورة إلى مقاتليه', { language: 'ar', minScore: 0 });
    expect(best).toMatchObject({ claimId: prigozhin.claimId, matchedLanguage: 'ru' });
    expect(best.reasons).toContainEqual({ kind: 'SHARED_NAMES', values: ['بريغوجين'] });
  });

  it('finds the Russian claim from an Arabic headline by a name the dictionary takes for a word', async () => {
    const [best] = await claimMatches(api, 'بوتين يكرم عسكريين بأوسمة', { language: 'ar', minScore: 0 });
    expect(best).toMatchObject({ claimId: putin.claimId, matchedLanguage: 'ru' });
    expect(best.reasons).toContainEqual({ kind: 'SHARED_NAMES', values: ['بوتين'] });
  });

  it('finds the Russian claim from an English text by the name in Latin letters', async () => {
    const [best] = await claimMatches(api, 'Prigozhin released a video message to his fighters', { language: 'en', minScore: 0 });
    expect(best).toMatchObject({ claimId: prigozhin.claimId, matchedLanguage: 'ru' });
  });

  it('reads names in the index as the matcher reads them in a query (SQL and TypeScript agree)', async () => {
    const words = ['Лавров', 'Лавровым', 'لافروف', 'الدبيبة', 'Prigozhin', 'Guterres', 'Гутерриш', 'Xinjiang', 'Ципко', 'Джамаль', '2023', 'Ελλάδα'].map(normalizeForSearch);
    const rows: { skeleton: string }[] = await api.provider(DataSource).query(`SELECT linking_name_skeleton(w) AS skeleton FROM unnest($1::text[]) WITH ORDINALITY AS u(w, n) ORDER BY n`, [words]);
    expect(rows.map((r) => r.skeleton)).toEqual(words.map(nameSkeleton));
  });

  it('offers a text that reverses the claim as CONTRADICTS, with a low same-claim score', async () => {
    const { suggestionThreshold } = await api.ok<{ suggestionThreshold: number }>('{ suggestionThreshold }');
    const [same] = await claimMatches(api, 'Jordan shuts the Jaber border crossing with Syria after clashes near Daraa.', { language: 'en' });
    expect(same).toMatchObject({ claimId: crossing.claimId, relation: 'SAME' });
    expect(same.score).toBeGreaterThanOrEqual(suggestionThreshold);

    const [reversed] = await claimMatches(api, 'Jordan reopened its border crossing with Syria at Jaber after clashes near Daraa.', { language: 'en' });
    expect(reversed).toMatchObject({ claimId: crossing.claimId, relation: 'CONTRADICTS' });
    expect(reversed.score).toBeLessThan(suggestionThreshold);
    expect(reversed.reasons).toContainEqual({ kind: 'CONTRADICTS', values: ['reopened', 'closed'] });
  });

  it('offers another figure as CONTRADICTS although the texts share the year, and still suggests the figure in words', async () => {
    const [other] = await claimMatches(api, "Jordan's health ministry recorded 31 cases of hepatitis A in Irbid schools in March 2024", { language: 'en' });
    expect(other).toMatchObject({ claimId: hepatitis.claimId, relation: 'CONTRADICTS' });
    expect(other.reasons).toContainEqual({ kind: 'CONTRADICTS', values: ['31', '18'] });

    const [same] = await claimMatches(api, "Eighteen hepatitis A cases recorded in Irbid schools in March, Jordan's health ministry says", { language: 'en' });
    expect(same).toMatchObject({ claimId: hepatitis.claimId, relation: 'SAME' });
  });

  it('offers the route the other way round as CONTRADICTS, in Arabic', async () => {
    const [reversed] = await claimMatches(api, 'تركيا تعيد 300 مقاتل سوري من ليبيا إلى إدلب', { language: 'ar' });
    expect(reversed).toMatchObject({ claimId: fighters.claimId, relation: 'CONTRADICTS' });
    expect(reversed.reasons).toContainEqual({ kind: 'CONTRADICTS', values: ['ليبيا', 'ادلب'] });
  });

  it('offers the accusation told the other way round as CONTRADICTS with ROLE_SWAP, and the passive of the same one as SAME', async () => {
    const { suggestionThreshold } = await api.ok<{ suggestionThreshold: number }>('{ suggestionThreshold }');
    const [swapped] = await claimMatches(api, 'Hezbollah accuses Israel of firing rockets at Kiryat Shmona', { language: 'en' });
    expect(swapped).toMatchObject({ claimId: accusation.claimId, relation: 'CONTRADICTS' });
    expect(swapped.score).toBeLessThan(suggestionThreshold);
    expect(swapped.reasons).toContainEqual({ kind: 'ROLE_SWAP', values: ['hezbollah → israel', 'israel → hezbollah'] });

    const [arabic] = await claimMatches(api, 'حزب الله يتهم إسرائيل بإطلاق صواريخ على كريات شمونة', { language: 'ar', minScore: 0 });
    expect(arabic).toMatchObject({ claimId: accusation.claimId });
    expect(arabic.reasons.map((r) => r.kind)).toContain('ROLE_SWAP');

    const [passive] = await claimMatches(api, 'Hezbollah was accused by Israel of firing rockets at Kiryat Shmona', { language: 'en' });
    expect(passive).toMatchObject({ claimId: accusation.claimId, relation: 'SAME' });
    expect(passive.score).toBeGreaterThanOrEqual(suggestionThreshold);
    expect(passive.reasons.map((r) => r.kind)).not.toContain('ROLE_SWAP');
  });

  /** The claim as ranked for `text` when every candidate is asked for, after checking that it is not suggested. */
  const withheldMatch = async (text: string, language: string, claimId: string) => {
    const { suggestionThreshold } = await api.ok<{ suggestionThreshold: number }>('{ suggestionThreshold }');
    expect((await claimMatches(api, text, { language })).map((m) => m.claimId)).not.toContain(claimId);
    const [withheld] = (await claimMatches(api, text, { language, minScore: 0 })).filter((m) => m.claimId === claimId);
    expect(withheld).toMatchObject({ relation: 'SAME' });
    expect(withheld.score).toBeLessThan(suggestionThreshold);
    return withheld;
  };

  it('withholds another event of the same story and says which words differ', async () => {
    const withheld = await withheldMatch('وزارة الصحة العراقية توزع لقاحات الكوليرا في السليمانية', 'ar', cholera.claimId);
    expect(withheld.reasons).toContainEqual({ kind: 'OTHER_EVENT', values: ['توزع', 'تسجل'] });
  });

  it('withholds the same event told of other countries and names the countries each text has', async () => {
    const withheld = await withheldMatch('Syria cut the flow of the Euphrates into Iraq by half.', 'en', euphrates.claimId);
    expect(withheld.reasons).toContainEqual({ kind: 'OTHER_ACTOR', values: ['iraq', 'turkiye'] });
    // The claim itself, told again, carries neither reason.
    const [same] = await claimMatches(api, 'Turkey has cut the flow of the Euphrates into Syria by half', { language: 'en' });
    expect(same.claimId).toBe(euphrates.claimId);
    expect(same.reasons.map((r) => r.kind)).not.toEqual(expect.arrayContaining(['OTHER_ACTOR']));
  });

  it('scores the same before and after the term counts are folded in the background', async () => {
    // A claim of its own, so that some counts are still pending here however slowly the file ran
    // (the service folds them every 15 s in the background too).
    await claimOf('https://gaza.example/shifa-generators', 'Generators at al-Shifa hospital in Gaza stopped working.', 'en');
    const query = 'Al-Shifa hospital in Gaza is out of service';
    const before = await claimMatches(api, query, { minScore: 0 });
    const folded = await api.provider(MatchStatisticsService).fold();
    expect(folded).toBeGreaterThan(0);
    expect(await api.provider(MatchStatisticsService).fold()).toBe(0);
    expect(await claimMatches(api, query, { minScore: 0 })).toEqual(before);
  });
});
