import { TestApi } from './support/test-api';
import { captureSeedArticle, createSource, createSputnik } from './support/factories';
it('probe', async () => {
  let t = Date.now();
  const api = await TestApi.start();
  console.log('start', Date.now() - t); t = Date.now();
  await captureSeedArticle(api);
  console.log('capture', Date.now() - t); t = Date.now();
  const sputnikId = await createSputnik(api);
  console.log('sputnik', Date.now() - t); t = Date.now();
  await createSource(api, { kind: 'ANONYMOUS', name: 'مصدر مطلع', language: 'ar', confidedToOutletId: sputnikId });
  console.log('source', Date.now() - t);
  await api.stop();
});
