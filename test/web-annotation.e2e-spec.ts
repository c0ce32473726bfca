import { annotate, captureSeedArticle, createSource, createSputnik } from './support/factories';
import { TestApi } from './support/test-api';

// Annotation tools (Hypothesis and others) read W3C Web Annotations: the export must carry the
// claim, its tags and chain, and selectors that land on the quoted words of the captured text.
describe('exporting appearances as W3C Web Annotations', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api?.stop());

  it('exports an annotated seed statement and the article\'s whole collection', async () => {
    const seed = await captureSeedArticle(api);
    const sputnikId = await createSputnik(api);
    const informed = await createSource(api, { kind: 'ANONYMOUS', name: 'مصدر مطلع', confidedToOutletId: sputnikId });
    const quote = 'أدرجت على قائمة الأهداف كنائس مسيحية ومساجد ودور عبادة للطوائف المختلفة';
    const appearance = await annotate(api, {
      articleId: seed.id,
      selector: { exact: quote },
      tags: ['دور العبادة'],
      chain: [
        { sourceId: informed, relation: 'ORIGIN' },
        { outletId: sputnikId, relation: 'RELAYED' },
      ],
    });
    await annotate(api, { articleId: seed.id, selector: { exact: 'العسكريون الروس الموجودون في سوريا' } });

    const response = await api.get(`/annotations/${appearance.id}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/ld+json');
    const annotation = JSON.parse(response.text);
    expect(annotation).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `${api.url}/annotations/${appearance.id}`,
      type: 'Annotation',
      motivation: 'identifying',
      target: { source: 'https://www.syria-news.example/2021/02/isis-meets-western-intelligence' },
    });
    expect(annotation.body).toEqual([
      { type: 'TextualBody', purpose: 'identifying', value: quote, format: 'text/plain', language: 'ar' },
      { type: 'TextualBody', purpose: 'tagging', value: 'دور العبادة' },
      { type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: 'مصدر مطلع (origin) → سبوتنيك (relayed)' },
    ]);
    const [quoteSelector, positionSelector] = annotation.target.selector;
    expect(quoteSelector).toMatchObject({ type: 'TextQuoteSelector', exact: quote });
    expect(seed.text).toContain(quoteSelector.prefix + quote + quoteSelector.suffix);
    expect(positionSelector.type).toBe('TextPositionSelector');
    expect([...seed.text].slice(positionSelector.start, positionSelector.end).join('')).toBe(quote);

    const collection = await api.get(`/articles/${seed.id}/annotations`);
    expect(collection.status).toBe(200);
    expect(collection.body).toMatchObject({ type: 'AnnotationCollection', total: 2, first: { type: 'AnnotationPage' } });
    expect(collection.body.first.items.map((item: { id: string }) => item.id)).toContain(annotation.id);
  });

  it('answers unknown and malformed ids with an HTTP status and a typed error body', async () => {
    const unknown = await api.get('/annotations/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const malformed = await api.get('/annotations/1%27%20OR%201=1');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    const noArticle = await api.get('/articles/00000000-0000-4000-8000-000000000000/annotations');
    expect(noArticle.status).toBe(404);
  });
});
