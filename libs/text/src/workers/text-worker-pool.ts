import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { ClaimCandidate, ClaimCandidateOptions } from '../claim-candidates';
import type { ClaimReviewReading } from '../claim-review-reading';
import type { ExtractArticleOptions, ExtractedArticle } from '../html-capture';
import { NoArticleContentError, PageTooLargeError } from '../html-capture.errors';
import type { WorkerRefusal } from './text.worker';

/** Limits of the text workers. */
export interface TextWorkerLimits {
  /** Longest one task may run before its worker is stopped (default 10 s). */
  timeLimitMs?: number;
  /** Heap of one worker, in MB (default 512: a 12 MB page parses in about 300). */
  maxHeapMb?: number;
  /** Worker threads at most (default: the cores, at least 1, at most 4). */
  threads?: number;
}

/** A page whose parse ran past the time limit (markup nested to make the parser crawl). */
export class PageTooComplexError extends Error {
  readonly code = 'PAGE_TOO_COMPLEX' as const;

  constructor(readonly timeLimitMs: number) {
    super(`The page took longer than ${timeLimitMs / 1000} s to read and was abandoned (markup too complex)`);
    this.name = 'PageTooComplexError';
  }
}

/** A text whose extraction ran past the time limit. */
export class TextTooComplexError extends Error {
  readonly code = 'TEXT_TOO_COMPLEX' as const;

  constructor(readonly timeLimitMs: number) {
    super(`The text took longer than ${timeLimitMs / 1000} s to analyse and was abandoned`);
    this.name = 'TextTooComplexError';
  }
}

/**
 * Page capture (HTML parsing, Readability) and claim-candidate extraction in worker threads, so
 * that a hostile page costs a worker, never the event loop: each task has a time limit (its
 * worker is stopped past it) and each worker a heap limit. Threads start on first use and stop
 * when idle. Under ts-node or Jest the worker is the TypeScript source, started through a small
 * CommonJS bootstrap that installs ts-node; in the compiled build it is the .js file itself.
 */
export class TextWorkerPool {
  private readonly pool: Piscina;
  private readonly timeLimitMs: number;

  constructor(limits: TextWorkerLimits = {}) {
    this.timeLimitMs = limits.timeLimitMs ?? 10_000;
    this.pool = new Piscina({
      filename: workerFile(),
      minThreads: 0,
      maxThreads: limits.threads ?? Math.min(4, Math.max(1, availableParallelism())),
      idleTimeout: 60_000,
      // Workers run at a lower priority (Linux nice +10): on a busy machine the event loop, which
      // answers /health and every other request, gets the CPU first.
      niceIncrement: 10,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb ?? 512, maxYoungGenerationSizeMb: 64 },
    });
  }

  /** The article in `html` (see extractArticleFromHtml); PageTooComplexError past the time limit. */
  async extractArticle(html: string, options: ExtractArticleOptions = {}): Promise<ExtractedArticle> {
    const result = await this.run<ExtractedArticle | WorkerRefusal>('extractArticle', { html, options }, () => new PageTooComplexError(this.timeLimitMs));
    if ('refused' in result) {
      if (result.refused === 'PAGE_TOO_LARGE') throw new PageTooLargeError(result.elements, result.limit);
      throw new NoArticleContentError(result.message);
    }
    return result;
  }

  /** The claim candidates of `text` (see findClaimCandidates); TextTooComplexError past the time limit. */
  claimCandidates(text: string, options: ClaimCandidateOptions = {}): Promise<ClaimCandidate[]> {
    return this.run('claimCandidates', { text, options }, () => new TextTooComplexError(this.timeLimitMs));
  }

  /** The ClaimReviews of a page or JSON-LD document (see readClaimReviews); PageTooComplexError past the time limit. */
  claimReviews(body: string, options: { pageUrl: string; json?: boolean }): Promise<ClaimReviewReading> {
    return this.run('claimReviews', { body, options }, () => new PageTooComplexError(this.timeLimitMs));
  }

  /** Stops the workers (Nest calls it when the application closes). */
  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy();
  }

  // The clock starts when a worker takes the task (it says so on `started`), so neither a worker's
  // start-up (seconds under ts-node) nor a wait in the queue counts against the task.
  private async run<T>(name: string, task: object, timedOut: () => Error): Promise<T> {
    const { port1, port2 } = new MessageChannel();
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    port1.once('message', () => {
      timer = setTimeout(() => controller.abort(), this.timeLimitMs);
    });
    try {
      return (await this.pool.run({ ...task, started: port2 }, { name, signal: controller.signal, transferList: [port2] })) as T;
    } catch (error) {
      if (controller.signal.aborted) throw timedOut();
      throw error;
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }
}

/** The worker module: text.worker.js beside this file when compiled, else the TypeScript bootstrap. */
function workerFile(): string {
  const compiled = join(__dirname, 'text.worker.js');
  return __filename.endsWith('.js') && existsSync(compiled) ? compiled : join(__dirname, 'text-worker.bootstrap.cjs');
}
