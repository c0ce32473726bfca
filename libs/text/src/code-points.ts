/**
 * Offsets in Isnad are counted in Unicode code points over NFC text, as the W3C Web Annotation
 * TextPositionSelector asks. JavaScript strings index UTF-16 code units, so every conversion
 * between the two goes through these helpers.
 */

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** UTF-16 index of code point offset `offset` (offset may equal the length: the end). */
export function codePointToUtf16(text: string, offset: number): number {
  let units = 0;
  for (let cp = 0; cp < offset; cp++) {
    if (units >= text.length) throw new RangeError(`code point offset ${offset} is past the end of the text`);
    const unit = text.charCodeAt(units);
    units += unit >= 0xd800 && unit <= 0xdbff && units + 1 < text.length ? 2 : 1;
  }
  return units;
}

/** Code point offset of UTF-16 index `index`. */
export function utf16ToCodePoint(text: string, index: number): number {
  return codePointLength(text.slice(0, index));
}

/** The substring between code point offsets `start` (inclusive) and `end` (exclusive). */
export function sliceByCodePoints(text: string, start: number, end: number): string {
  const from = codePointToUtf16(text, start);
  const to = codePointToUtf16(text, end);
  return text.slice(from, to);
}
