/**
 * How long capturing a 5 MB news page takes and how much memory it needs. Prints the median of
 * several runs and the peak RSS / heap growth over the process's starting point.
 */
import { extractArticleFromHtml } from '@isnad/text';
import { buildLargeNewsPage } from '../libs/text/src/testing/large-page';

const RUNS = Number(process.argv[2] ?? 5);
const page = buildLargeNewsPage(5);
const baseline = process.memoryUsage();
let peakRss = baseline.rss;
let peakHeap = baseline.heapUsed;
const sampler = setInterval(() => {
  const now = process.memoryUsage();
  peakRss = Math.max(peakRss, now.rss);
  peakHeap = Math.max(peakHeap, now.heapUsed);
}, 5);

async function main(): Promise<void> {
  const times: number[] = [];
  let paragraphs = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    const article = extractArticleFromHtml(page);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    paragraphs = article.text.split('\n\n').length;
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
    await new Promise((resolve) => setImmediate(resolve)); // let the sampler run between captures
  }
  clearInterval(sampler);
  times.sort((a, b) => a - b);
  const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
  console.log(`page: ${mb(Buffer.byteLength(page))} MB, article paragraphs: ${paragraphs}, runs: ${RUNS}`);
  console.log(`median: ${times[Math.floor(times.length / 2)].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)})`);
  console.log(`peak RSS: ${mb(peakRss)} MB (+${mb(peakRss - baseline.rss)} MB), peak heap: ${mb(peakHeap)} MB (+${mb(peakHeap - baseline.heapUsed)} MB)`);
}

void main();
