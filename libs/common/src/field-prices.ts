import { FieldPrice, pageSize } from './operation-cost';

/**
 * Prices of fields whose work is not one row's (see FieldPrice), declared as `complexity` on the
 * field. The budget (MAX_QUERY_COMPLEXITY, 20,000) then admits, for example, about 200 long texts,
 * 4 claimMatches on 20,000 characters each, or 20 candidate extractions.
 */

/** A field that may hold a whole article (its text, a revision's raw input): priced as 100 plain fields. */
export const LONG_TEXT_PRICE = 100;

/** A list without `first` (an article's revisions): priced as `rows` rows of its children. */
export function listPrice(rows: number): FieldPrice {
  return ({ childComplexity }) => 1 + rows * childComplexity;
}

/**
 * Work that grows with an input text (claimMatches scores every candidate claim against it):
 * `base`, plus 1 per `charsPerUnit` characters, plus the children of each of `first` results.
 */
export function textWorkPrice(base: number, charsPerUnit: number, defaultFirst: number): FieldPrice {
  return ({ args, childComplexity }) => {
    const text = typeof args.text === 'string' ? args.text.length : 0;
    return base + Math.ceil(text / charsPerUnit) + pageSize(args.first, defaultFirst) * childComplexity;
  };
}

/** Fixed work per parent row (a claim's spread, one candidate search) plus children repeated `rows` times. */
export function workPrice(base: number, rows = 1): FieldPrice {
  return ({ childComplexity }) => base + rows * childComplexity;
}
