import { PerformanceObserver, performance } from 'node:perf_hooks';
import { MAX_CAPTURE_ELEMENTS } from '../html-capture';
import { NoArticleContentError } from '../html-capture.errors';
import { readHtmlFixture, readSeedArticle } from '../testing/fixtures';
import { PageTooComplexError, TextWorkerPool } from './text-worker-pool';

/**
 * Longest gap between event-loop ticks while `work` runs, less the garbage collector's pauses
 * within it: the test process has run other test files and may collect a large heap at any
 * moment, which says nothing about whether the event loop waited for a worker.
 */
async function longestStall<T>(work: Promise<T>): Promise<{ result: PromiseSettledResult<T>; stallMs: number }> {
  const pauses: Array<{ start: number; end: number }> = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const gaps: Array<{ start: number; end: number }> = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    gaps.push({ start: last, end: now });
    last = now;
  }, 5);
  const [result] = await Promise.allSettled([work]);
  clearInterval(timer);
  // GC entries are delivered on a later tick.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const collected = (gap: { start: number; end: number }) =>
    pauses.reduce((sum, p) => sum + Math.max(0, Math.min(gap.end, p.end) - Math.max(gap.start, p.start)), 0);
  const stallMs = Math.max(0, ...gaps.map((gap) => gap.end - gap.start - collected(gap)));
  return { result, stallMs };
}

/** A small Arabic article page (the seed article's first paragraphs), read in milliseconds. */
function shortArticle(): string {
  const paragraphs = readSeedArticle()
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 40)
    .slice(0, 6);
  return `<html lang="ar"><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

describe('page capture and candidate extraction in worker threads', () => {
  let pool: TextWorkerPool;
  beforeAll(() => {
    // Short enough to keep the suite quick, long enough that an ordinary page read by a worker at
    // nice +10 on a loaded machine (CI, another suite beside) is not abandoned (1.5 s was, once).
    pool = new TextWorkerPool({ timeLimitMs: 3_000, threads: 1 });
  });
  afterAll(() => pool.onModuleDestroy());

  it('captures the seed WordPress page in a worker, as on the main thread', async () => {
    const article = await pool.extractArticle(readHtmlFixture('wordpress-seed-article.html'), { url: 'https://example.org/a' });
    expect(article.language).toBe('ar');
    expect(article.text).toContain('سبوتنيك');
  });

  it('finds the informed source of the seed article in a worker', async () => {
    const candidates = await pool.claimCandidates(readSeedArticle(), { language: 'ar' });
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.some((c) => c.suggestedChain.length > 0)).toBe(true);
  });

  it('keeps a page without an article a NoArticleContentError across the thread boundary', async () => {
    await expect(pool.extractArticle(readHtmlFixture('no-article-homepage.html'))).rejects.toBeInstanceOf(NoArticleContentError);
  });

  it('abandons markup nested to make the parser crawl, and the event loop never waits for it', async () => {
    // A pool of its own with a limit far under what the page takes (some 7 s of parsing on a
    // 2-core machine), so that a faster machine still meets the limit; the clock starts when the
    // worker takes the task, so neither the worker's start nor a loaded machine's queue counts.
    const strict = new TextWorkerPool({ timeLimitMs: 1_000, threads: 1 });
    try {
      const deep = `<html><body>${'<div>'.repeat(MAX_CAPTURE_ELEMENTS - 1_000)}x</body></html>`;
      const { result, stallMs } = await longestStall(strict.extractArticle(deep));
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(PageTooComplexError);
      // Parsed on the event loop, this page would hold it for the whole parse (seconds); a loaded
      // shared machine can delay a timer tick by hundreds of milliseconds (481 ms seen in CI), so
      // the bound leaves room for that.
      expect(stallMs).toBeLessThan(750);
      // The pool replaces the stopped worker: a new worker takes the next page. Its clock starts
      // only when a worker takes it, so a time-limit refusal proves that too; a fresh worker at
      // nice +10 on a loaded machine can take longer than this strict limit even for a short page.
      const next = await Promise.allSettled([strict.extractArticle(shortArticle())]).then(([r]) => r);
      if (next.status === 'fulfilled') expect(next.value).toMatchObject({ language: 'ar' });
      else expect(next.reason).toBeInstanceOf(PageTooComplexError);
    } finally {
      await strict.onModuleDestroy();
    }
  });
});
