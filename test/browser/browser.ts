/// <reference lib="dom" />
// The functions given to page.evaluate run in the browser, so this file sees the DOM types.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Where the browser tests leave their screenshots (git-ignored). */
export const RESULTS_DIR = join(__dirname, '..', '..', '.browser-results');

/** Debian's Chromium (apt-get install chromium); CHROMIUM_PATH overrides it. No browser is downloaded. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A fresh headless Chromium profile; close() ends the browser and removes the profile. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'isnad-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core (from node_modules, evaluated in the page so the app's CSP is untouched) and returns
 * the serious and critical violations, described for a failure message.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Saves a full-page screenshot as .browser-results/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true });
}

/**
 * Selects `phrase` in the article text by dragging the mouse from its first character to its last,
 * as a reader would (right to left in Arabic). Returns what the browser says is selected.
 */
export async function selectWithMouse(page: Page, phrase: string): Promise<string> {
  const edges = await page.evaluate((wanted) => {
    const container = document.querySelector('[data-testid="article-text"]') as HTMLElement;
    const at = (container.textContent ?? '').indexOf(wanted);
    if (at < 0) throw new Error(`phrase not in the article: ${wanted}`);
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    const boxOf = (index: number) => {
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = (node as Text).length;
        if (index < seen + length) {
          const range = document.createRange();
          range.setStart(node, index - seen);
          range.setEnd(node, index - seen + 1);
          const box = range.getBoundingClientRect();
          walker.currentNode = container;
          return { left: box.left, right: box.right, y: box.top + box.height / 2 };
        }
        seen += length;
      }
      throw new Error('index past the text');
    };
    const rtl = getComputedStyle(container).direction === 'rtl';
    const first = boxOf(at);
    const last = boxOf(at + wanted.length - 1);
    return {
      from: { x: rtl ? first.right - 1 : first.left + 1, y: first.y },
      to: { x: rtl ? last.left + 1 : last.right - 1, y: last.y },
    };
  }, phrase);
  await page.mouse.move(edges.from.x, edges.from.y);
  await page.mouse.down();
  await page.mouse.move(edges.to.x, edges.to.y, { steps: 12 });
  await page.mouse.up();
  return page.evaluate(() => window.getSelection()?.toString() ?? '');
}

/**
 * Opens `url` in the page and measures the JavaScript the first screen loads: the scripts' bytes as
 * served and gzipped (level 6, what a compressing proxy sends). Written to .browser-results/bundle.json.
 */
export async function firstScreenScripts(page: Page, url: string): Promise<{ files: string[]; rawBytes: number; gzipBytes: number }> {
  const bodies: Promise<{ url: string; body: Buffer }>[] = [];
  const collect = (response: import('playwright-core').Response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.body().then((body) => ({ url: response.url(), body })));
  };
  page.on('response', collect);
  await page.goto(url, { waitUntil: 'networkidle' });
  page.off('response', collect);
  const scripts = await Promise.all(bodies);
  const measured = {
    files: scripts.map((script) => new URL(script.url).pathname),
    rawBytes: scripts.reduce((sum, script) => sum + script.body.length, 0),
    gzipBytes: scripts.reduce((sum, script) => sum + gzipSync(script.body, { level: 6 }).length, 0),
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'bundle.json'), JSON.stringify(measured, null, 2));
  return measured;
}
