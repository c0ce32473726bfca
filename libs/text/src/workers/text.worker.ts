// Runs in a worker thread of TextWorkerPool: the parsing and extraction that must not block the
// API's event loop. Known refusals come back as values (a worker's errors lose their class).
import { ClaimCandidate, ClaimCandidateOptions, findClaimCandidates } from '../claim-candidates';
import { ClaimReviewReading, readClaimReviews } from '../claim-review-reading';
import { ExtractArticleOptions, ExtractedArticle, extractArticleFromHtml } from '../html-capture';
import type { MessagePort } from 'node:worker_threads';
import { NoArticleContentError, PageTooLargeError } from '../html-capture.errors';

export type WorkerRefusal =
  | { refused: 'NO_ARTICLE_CONTENT'; message: string }
  | { refused: 'PAGE_TOO_LARGE'; elements: number; limit: number };

/** Task `extractArticle`: the article in a page, or why there is none. */
export function extractArticle({ html, options, started }: { html: string; options: ExtractArticleOptions; started: MessagePort }): ExtractedArticle | WorkerRefusal {
  signalStart(started);
  try {
    return extractArticleFromHtml(html, options);
  } catch (error) {
    if (error instanceof NoArticleContentError) return { refused: 'NO_ARTICLE_CONTENT', message: error.message.replace(/^No article content: /, '') };
    if (error instanceof PageTooLargeError) return { refused: 'PAGE_TOO_LARGE', elements: error.elements, limit: error.limit };
    throw error;
  }
}

/** Task `claimCandidates`: the check-worthy sentences of a text. */
export function claimCandidates({ text, options, started }: { text: string; options: ClaimCandidateOptions; started: MessagePort }): ClaimCandidate[] {
  signalStart(started);
  return findClaimCandidates(text, options);
}

/** Task `claimReviews`: the schema.org ClaimReviews of a page's JSON-LD or of a JSON-LD document. */
export function claimReviews({ body, options, started }: { body: string; options: { pageUrl: string; json?: boolean }; started: MessagePort }): ClaimReviewReading {
  signalStart(started);
  return readClaimReviews(body, options);
}

// The pool's time limit runs from here.
function signalStart(port: MessagePort): void {
  port.postMessage('started');
  port.close();
}
