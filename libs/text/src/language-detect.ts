import type * as TinyLd from 'tinyld';
import { segmentSentences, SentenceSpan } from './sentence-segment';

/**
 * Language of news text. The script decides first (Arabic, Hebrew, Cyrillic, Latin letters are
 * counted, digits of any script ignored); tinyld then chooses among the languages of that script,
 * and a stop-word vote stands in when tinyld abstains on short Latin text.
 */

const RTL_LANGUAGES = new Set(['ar', 'fa', 'ur', 'he', 'yi', 'ps', 'sd', 'ug', 'ckb', 'dv', 'syr']);
const LATIN_LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'pt', 'nl', 'tr', 'id'];
const STOP_WORDS: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'said', 'that', 'is', 'was', 'on', 'for', 'with', 'by', 'from'],
  fr: ['le', 'la', 'les', 'des', 'et', 'est', 'une', 'du', 'que', 'dans', 'pour', 'sur', 'selon', 'a'],
  es: ['el', 'los', 'las', 'del', 'y', 'que', 'en', 'una', 'por', 'con', 'para', 'según', 'dijo'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'sich', 'auf', 'dem', 'sagte', 'ein'],
};
const SCRIPTS: ReadonlyArray<[string, RegExp]> = [
  ['Arabic', /\p{Script=Arabic}/u],
  ['Latin', /\p{Script=Latin}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
];

// tinyld is loaded on first use: building its language tables is a noticeable share of the API's
// start-up, and only captures need it.
let tinyld: typeof TinyLd | null = null;
const detect: typeof TinyLd.detect = (text, options) => (tinyld ??= require('tinyld') as typeof TinyLd).detect(text, options);

export type TextDirection = 'rtl' | 'ltr';

export interface SentenceLanguage extends SentenceSpan {
  language: string;
}

/** BCP-47 primary language of `text` ('ar', 'en', 'fr', …) or 'und' when it has too few letters to tell. */
export function detectLanguage(text: string): string {
  const counts = new Map<string, number>();
  const letters = text.replace(/https?:\/\/\S+/gu, ' ').match(/\p{L}/gu) ?? [];
  for (const letter of letters) {
    const script = SCRIPTS.find(([, pattern]) => pattern.test(letter))?.[0] ?? 'Other';
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  const [script, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['None', 0];
  if (count < 2) return 'und';
  switch (script) {
    case 'Arabic':
      // Persian letters with no ta marbuta: the text is Persian, not Arabic quoting a Persian name.
      return /[پچژگ]/u.test(text) && !/ة/u.test(text) ? 'fa' : /[ٹڈڑںھے]/u.test(text) ? 'ur' : 'ar';
    case 'Hebrew':
      return 'he';
    case 'Cyrillic':
      return detect(text, { only: ['ru', 'uk', 'bg', 'sr'] }) || 'ru';
    case 'Latin':
      return detect(text, { only: LATIN_LANGUAGES }) || stopWordVote(text);
    default:
      return detect(text) || 'und';
  }
}

/** The primary language subtag of a BCP-47 tag, lower-cased ("ar-SY", "AR_eg" → "ar"); "" for none. */
export function primaryLanguage(language: string | null | undefined): string {
  return (language ?? '').toLowerCase().split(/[-_]/u)[0];
}

/** Writing direction for a BCP-47 tag: 'rtl' for Arabic, Persian, Urdu, Hebrew…, else 'ltr'. */
export function textDirection(language: string): TextDirection {
  return RTL_LANGUAGES.has(primaryLanguage(language)) ? 'rtl' : 'ltr';
}

/** The sentences of `text`, each with its own detected language (mixed Arabic/English articles). */
export function languageOfSentences(text: string): SentenceLanguage[] {
  return segmentSentences(text).map((span) => ({ ...span, language: detectLanguage(span.text) }));
}

function stopWordVote(text: string): string {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best = 'und';
  let bestScore = 0;
  for (const [language, stopWords] of Object.entries(STOP_WORDS)) {
    const score = words.filter((word) => stopWords.includes(word)).length;
    if (score > bestScore) [best, bestScore] = [language, score];
  }
  return best;
}
