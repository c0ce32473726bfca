/** The page holds no article text to capture (a home page, a login wall, an empty document). */
export class NoArticleContentError extends Error {
  readonly code = 'NO_ARTICLE_CONTENT' as const;

  constructor(reason: string) {
    super(`No article content: ${reason}`);
    this.name = 'NoArticleContentError';
  }
}

/** The page has more markup than capture will walk; Readability's cost grows with every element. */
export class PageTooLargeError extends Error {
  readonly code = 'PAGE_TOO_LARGE' as const;

  constructor(readonly elements: number, readonly limit: number) {
    super(`Page too large to capture: ${elements} elements, limit ${limit}`);
    this.name = 'PageTooLargeError';
  }
}
