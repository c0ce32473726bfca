/** The page holds no article text to capture (a home page, a login wall, an empty document). */
export class NoArticleContentError extends Error {
  readonly code = 'NO_ARTICLE_CONTENT' as const;

  constructor(reason: string) {
    super(`No article content: ${reason}`);
    this.name = 'NoArticleContentError';
  }
}
