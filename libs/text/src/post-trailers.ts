/**
 * What a post states, without what the platform wraps around it. A tweet pasted from its embed code
 * ends with its signature, "— Donald J. Trump (@realDonaldTrump) March 24, 2019", and carries links
 * ("https://t.co/…", "pic.twitter.com/…"): the date is when it was posted, not a date or figure of
 * what it claims, and the link's letters and digits are no words of it.
 */

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
// A dash, the author's name (no dash, bracket or line break in it), "(@handle)" and an English date.
const SIGNATURE = new RegExp(`[—–]\\s*[^—–()\\n]{0,80}\\(@\\w{1,30}\\)\\s*(?:${MONTHS})\\s+\\d{1,2},\\s*\\d{4}`, 'gu');
// A link: a scheme or a bare pic.twitter.com up to the next space (tweets glue links to words and to each other).
const LINK = /(?:https?:\/\/|pic\.twitter\.com\/)\S*/giu;

/** `text` without links and without the signatures of embedded posts (each replaced by a space). */
export function withoutPostTrailers(text: string): string {
  return text.replace(SIGNATURE, ' ').replace(LINK, ' ');
}
