import { InvalidInputError } from '@isnad/common';

/** A match request or a review that cannot be carried out as asked. */
export class InvalidLinkError extends InvalidInputError {}
