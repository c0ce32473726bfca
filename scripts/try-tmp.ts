import { extractArticleFromHtml } from '@isnad/text';
import { readFileSync, readdirSync } from 'fs';
for (const f of readdirSync('test/fixtures/html')) {
  try {
    const a = extractArticleFromHtml(readFileSync('test/fixtures/html/' + f, 'utf8'), { url: 'https://example.org/x' });
    console.log('==', f, JSON.stringify({ ...a, text: undefined, metadata: undefined }, null, 0));
    console.log(a.text);
  } catch (e) { console.log('==', f, 'ERR', (e as Error).name, (e as Error).message); }
}
