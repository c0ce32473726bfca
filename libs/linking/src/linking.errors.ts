import { InvalidInputError } from '@isnad/common';

/** A match request or a review that cannot be carried out as asked. */
export class InvalidLinkError extends InvalidInputError {}

/** Suggested appearances were asked of an article that republishes nothing, or not as suggested. */
export class NotACopyError extends InvalidInputError {
  constructor(articleId: string) {
    super(`Article ${articleId} is not a detected copy of another article`, { field: 'articleId' });
  }
}
