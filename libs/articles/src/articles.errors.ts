import { InvalidInputError, NotFoundError, PayloadTooLargeError } from '@isnad/common';

export class ArticleNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Article', id);
  }
}

export class ArticleRevisionNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('ArticleRevision', id);
  }
}

export class InvalidArticleError extends InvalidInputError {}

export class ArticleTooLargeError extends PayloadTooLargeError {
  constructor(length: number, limit: number) {
    super(`The article text has ${length} characters; the limit is ${limit}`, { length, limit });
  }
}
