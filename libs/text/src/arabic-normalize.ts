/**
 * Normalisation for search and matching. Stored text is never altered: these functions produce
 * a comparison key only.
 */

// Harakat, tanween, shadda, sukun, superscript alef, Quranic marks.
const ARABIC_DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
const TATWEEL = /\u0640/g;
const ALEF_VARIANTS = /[\u0622\u0623\u0625\u0671\u0672\u0673]/g; // آ أ إ ٱ ٲ ٳ → ا
const YA_VARIANTS = /[\u0649\u06CC\u06D2]/g; // ى ی ے → ي
const TA_MARBUTA = /\u0629/g; // ة → ه
const HAMZA_ON_CARRIER = /[\u0624]/g; // ؤ → و
const HAMZA_ON_YA = /[\u0626]/g; // ئ → ي
const KAF_VARIANTS = /[\u06A9]/g; // ک → ك
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669]/g;
const PERSIAN_DIGITS = /[\u06F0-\u06F9]/g;
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C\u200B-\u200D\uFEFF]/g;
const QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2018\u2019\u201A\u201B\u2039\u203A"'`]/g;
const PUNCTUATION = /[\p{P}\p{S}]/gu;
const LATIN_DIACRITICS = /\p{M}/gu;

/** Folds Arabic letter variants, diacritics, tatweel and digits so that spelling variants compare equal. */
export function foldArabic(text: string): string {
  return text
    .replace(ARABIC_DIACRITICS, '')
    .replace(TATWEEL, '')
    .replace(ALEF_VARIANTS, '\u0627')
    .replace(YA_VARIANTS, '\u064A')
    .replace(TA_MARBUTA, '\u0647')
    .replace(HAMZA_ON_CARRIER, '\u0648')
    .replace(HAMZA_ON_YA, '\u064A')
    .replace(KAF_VARIANTS, '\u0643')
    .replace(ARABIC_INDIC_DIGITS, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(PERSIAN_DIGITS, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/**
 * The search key of a text: NFKC, case-folded, Arabic variants folded, Latin accents dropped,
 * quotes, punctuation and invisible bidi controls removed, white space collapsed.
 */
export function normalizeForSearch(text: string): string {
  // Marks go before the Arabic fold: letters such as ۓ decompose into a base letter plus hamza, and
  // only once the hamza is gone does the base letter meet the variant table.
  const unmarked = text
    .normalize('NFKC')
    .replace(BIDI_CONTROLS, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_DIACRITICS, '')
    .normalize('NFC');
  return foldArabic(unmarked)
    .replace(QUOTES, ' ')
    .replace(PUNCTUATION, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}
