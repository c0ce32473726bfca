/**
 * Generated claim texts for the claim-matching benchmarks (bench:linking, bench:linking-rules): half
 * Arabic, half English, words drawn from a Zipf distribution over a large generated vocabulary,
 * names and places, numbers; and edited copies of them as a republishing site makes. One seeded
 * random sequence (`rand`), so that a run draws the same texts as the last.
 */
import { seededRandom } from './bench-api';

export const rand = seededRandom(42);
const LATIN = 'bcdfghjklmnprstvwz';
const VOWELS = 'aeiou';
const ARABIC = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
const ARABIC_LONG = 'اوي';

function latinWord(): string {
  let word = '';
  for (let s = 0; s < 2 + Math.floor(rand() * 3); s++) word += LATIN[Math.floor(rand() * LATIN.length)] + VOWELS[Math.floor(rand() * VOWELS.length)];
  return word;
}

function arabicWord(): string {
  let word = '';
  for (let s = 0; s < 3 + Math.floor(rand() * 3); s++) {
    word += ARABIC[Math.floor(rand() * ARABIC.length)];
    if (rand() < 0.3) word += ARABIC_LONG[Math.floor(rand() * ARABIC_LONG.length)];
  }
  return word;
}

const VOCABULARY = 60_000;
const english = Array.from({ length: VOCABULARY }, latinWord);
const arabic = Array.from({ length: VOCABULARY }, arabicWord);
const englishNames = Array.from({ length: 5000 }, () => latinWord().replace(/^./, (c) => c.toUpperCase()));
const arabicNames = Array.from({ length: 5000 }, arabicWord);
const ENGLISH_GLUE = ['the', 'of', 'in', 'said', 'that', 'a', 'to', 'and', 'on', 'by'];
const ARABIC_GLUE = ['في', 'من', 'على', 'إن', 'أن', 'قال', 'عن', 'مع', 'الى', 'بعد'];

/** Zipf-like rank: most words are rare, a few are everywhere. */
function zipf(n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(rand() * Math.log(n))) - 1);
}

export function claimText(): { text: string; language: string } {
  const isArabic = rand() < 0.5;
  const [words, names, glue] = isArabic ? [arabic, arabicNames, ARABIC_GLUE] : [english, englishNames, ENGLISH_GLUE];
  const parts: string[] = [names[Math.floor(rand() * names.length)]];
  const length = 8 + Math.floor(rand() * 14);
  for (let i = 0; i < length; i++) {
    const r = rand();
    if (r < 0.25) parts.push(glue[Math.floor(rand() * glue.length)]);
    else if (r < 0.3) parts.push(String(1 + Math.floor(rand() * 500)));
    else if (r < 0.36) parts.push(names[Math.floor(rand() * names.length)]);
    else parts.push(words[zipf(words.length)]);
  }
  return { text: parts.join(' '), language: isArabic ? 'ar' : 'en' };
}

/** An edited copy: a word dropped, two swapped, a prefix added, as a republishing site would. */
export function editedCopy(text: string): string {
  const words = text.split(' ');
  words.splice(1 + Math.floor(rand() * (words.length - 2)), 1);
  const i = Math.floor(rand() * (words.length - 1));
  [words[i], words[i + 1]] = [words[i + 1], words[i]];
  return `${rand() < 0.5 ? 'عاجل' : 'BREAKING'}: ${words.join(' ')}`;
}
