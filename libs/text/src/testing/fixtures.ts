import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Test-only helpers: they read the repository's fixtures and are not exported from index.ts.
const ROOT = join(__dirname, '..', '..', '..', '..');

/** The seed article: an Arabic WordPress page relaying Sputnik's informed source. */
export function readSeedArticle(): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', 'seed', '000_1b4abf1cf8d92138.txt'), 'utf8');
}

/** An HTML page from test/fixtures/html. */
export function readHtmlFixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', 'html', name), 'utf8');
}
