import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { TestApi } from '../support/test-api';
import { launchChromium } from './browser';

// GraphiQL at /graphql in Chromium, from the workspace build (npm run test:browser builds it first):
// everything it loads comes from the API's own origin, under a same-origin-only policy.
const WEB_DIR = join(__dirname, '..', '..', 'apps', 'web', 'dist');
jest.setTimeout(120_000);

describe('GraphiQL served by the API', () => {
  let api: TestApi;
  let browser: { context: BrowserContext; close(): Promise<void> };

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIR, 'graphiql.html'))) throw new Error('Build the workspace first: npm run build:web (npm run test:browser does)');
    api = await TestApi.start({ webDir: WEB_DIR });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('references only its own assets', () => {
    const html = readFileSync(join(WEB_DIR, 'graphiql.html'), 'utf8');
    const references = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(reference).toMatch(/^(?:\/assets\/|data:)/);
  });

  it('loads every script, style, font and worker from this origin, with no policy violation, and runs a query', async () => {
    const page = await browser.context.newPage();
    const elsewhere: string[] = [];
    const violations: string[] = [];
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(api.url) && !url.startsWith('data:')) elsewhere.push(url);
    });
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(error.message));
    const response = await page.goto(`${api.url}/graphql`, { waitUntil: 'networkidle' });
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    // The query editor, typed into, and the answer in the result pane.
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.waitFor({ timeout: 60_000 });
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('{ __typename ');
    // Monaco's completion list may cover the button: the click goes to the button itself.
    await page.locator('.graphiql-execute-button').dispatchEvent('click');
    await page.locator('.graphiql-response').getByText('"Query"').waitFor({ timeout: 30_000 });
    expect(elsewhere).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });
});
