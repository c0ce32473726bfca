import { ClaimMatcherService, ENGLISH_SUGGESTION_THRESHOLD, SUGGESTION_THRESHOLD } from '@isnad/linking';
import { annotate, captureArticle, codePointSpan } from './support/factories';
import { TestApi } from './support/test-api';

// Rated English claims on one topic (London), and a query that shares a word with each of them.
const CLAIMS = [
  'The mayor of London banned diesel cars from the city centre',
  'London hospitals ran out of flu vaccines in January',
  'The price of bread in London doubled in one year',
  'The Thames flooded two thousand homes in east London',
  'Police closed Westminster Bridge for a week after a protest',
  'London Underground drivers went on strike for higher pay',
  'A fire destroyed a tower block in west London',
  'Heathrow airport cancelled every flight because of snow',
  'The council sold Hyde Park to a property developer',
  'London schools will teach lessons in Mandarin from September',
  'Rents in London fell for the first time in twenty years',
];
const QUERY = 'London diesel vaccines bread Thames Westminster strike tower Heathrow Hyde Park Mandarin rents';
// A rated Russian claim on the same city.
const RUSSIAN = 'Мэр Лондона запретил дизельные автомобили в центре города';

describe('the English re-ranker and the languages of the pool', () => {
  let api: TestApi;
  let russianClaimId: string;
  const rank = (onlyClaimIds?: string[]) => api.provider(ClaimMatcherService).rank(QUERY, { language: 'en', onlyClaimIds });

  beforeAll(async () => {
    api = await TestApi.start();
    const text = CLAIMS.map((s) => `${s}.`).join(' ');
    const article = await captureArticle(api, { url: 'https://news.example/en-london', text, language: 'en' });
    for (const statement of CLAIMS) await annotate(api, { articleId: article.id, selector: codePointSpan(text, statement), statement });
    const russian = await captureArticle(api, { url: 'https://news.example/ru-london', text: `${RUSSIAN}.`, language: 'ru' });
    ({ claimId: russianClaimId } = await annotate(api, { articleId: russian.id, selector: codePointSpan(`${RUSSIAN}.`, RUSSIAN), statement: RUSSIAN }));
  }, 60_000);
  afterAll(async () => {
    await api?.stop();
  });

  it('suggests from the English model’s threshold in a pool of English texts, and from the shared one when a Russian text or too few texts are in it', async () => {
    // Otherwise the thresholds below could not tell the models apart.
    expect(ENGLISH_SUGGESTION_THRESHOLD).not.toBe(SUGGESTION_THRESHOLD);
    const english = (await rank()).filter((c) => c.language === 'en').map((c) => c.claimId);
    expect(english).toHaveLength(CLAIMS.length);

    const all = await rank(english);
    expect(all.every((c) => c.threshold === ENGLISH_SUGGESTION_THRESHOLD)).toBe(true);

    const withRussian = await rank([...english, russianClaimId]);
    expect(withRussian.map((c) => c.claimId)).toContain(russianClaimId);
    expect(withRussian.every((c) => c.threshold === SUGGESTION_THRESHOLD)).toBe(true);

    const few = await rank(english.slice(0, 3));
    expect(few).toHaveLength(3);
    expect(few.every((c) => c.threshold === SUGGESTION_THRESHOLD)).toBe(true);
  });
});
