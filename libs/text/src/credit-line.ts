import { foldArabic, normalizeForSearch } from './arabic-normalize';
import { OUTLETS } from './attribution-lexicon';
import { utf16ToCodePoint } from './code-points';

/** A copy's own credit line ("المصدر: سبوتنيك", "Source: Reuters"): the outlet it says it took the story from. */
export interface CreditLine {
  /** The outlet as the line names it. */
  name: string;
  /** The canonical name when the outlet is a known agency (Sputnik for سبوتنيك). */
  canonicalName: string | null;
  /** The whole line, trimmed: the cue of the relay hop. */
  line: string;
  /** Code point offsets of the name in the text. */
  start: number;
  end: number;
}

// A short line of its own: "المصدر: سبوتنيك", "نقلاً عن وكالة سبوتنيك", "Source: Reuters", "(Via AFP)".
const CREDIT =
  /^[\s(\[]*(?:(?:المصدر|مصدر الخبر|المصدر الأصلي|source|credit)\s*[:：\-–]|(?:نقلاً عن|نقلا عن|نقلًا عن|via)\s*[:：\-–]?)\s*(?:وكالة\s+)?([^\n:：()\[\]]{2,60}?)[\s.)\]]*$/iu;
/** Lines looked at: credit lines sit at the top or the bottom of a page. */
const EDGE_LINES = 6;

/** The credit line of a text among its first and last lines, or null. */
export function findCreditLine(text: string): CreditLine | null {
  const lines = [...text.matchAll(/^.*$/gmu)].filter((m) => m[0].trim());
  const edge = [...lines.slice(-EDGE_LINES).reverse(), ...lines.slice(0, EDGE_LINES)];
  for (const line of edge) {
    if (line[0].length > 80) continue;
    const match = CREDIT.exec(line[0]);
    if (!match) continue;
    const name = match[1].trim();
    const from = (line.index ?? 0) + match.index + match[0].indexOf(name);
    const key = normalizeForSearch(name);
    const known = OUTLETS.find((o) => key === normalizeForSearch(o.spelling) || key === foldArabic(o.spelling));
    return {
      name,
      line: line[0].trim(),
      canonicalName: known?.canonical ?? null,
      start: utf16ToCodePoint(text, from),
      end: utf16ToCodePoint(text, from + name.length),
    };
  }
  return null;
}
