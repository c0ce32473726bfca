/**
 * Words joined in @handles and #hashtags. Search keys lower-case the text, so "#FyreFestival" and
 * "@realDonaldTrump" become single words no claim states; their capitals still say where the words
 * meet. (An underscore, as in Arabic hashtags, already splits them: it is punctuation to the key.)
 */

const TAG = /(?:^|[^\p{L}\p{N}_])[@#]([\p{L}\p{N}_]{2,})/gu;
// An upper-case run before a capitalised word (AJ|Up), a capitalised or lower-case word, an
// upper-case run, digits, letters of a script without case.
const PART = /\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+|[\p{Lo}\p{M}]+/gu;

/**
 * The words of the handles and hashtags of `text` made of several ("#FyreFestival" → Fyre, Festival),
 * in order, without those the text already writes out: the "Donald J. Trump (@realDonaldTrump)" of an
 * embedded tweet adds only "real", so the author's name does not count twice.
 */
export function hashtagWords(text: string): string[] {
  const written = new Set(text.toLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u));
  const out: string[] = [];
  for (const [, tag] of text.matchAll(TAG)) {
    for (const piece of tag.split('_')) {
      const parts = piece.match(PART) ?? [];
      if (parts.length < 2) continue;
      for (const part of parts) {
        const word = part.toLowerCase();
        if (!written.has(word)) out.push(part);
        written.add(word);
      }
    }
  }
  return out;
}
