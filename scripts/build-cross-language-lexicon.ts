/**
 * Builds libs/linking/src/cross-language-lexicon.json, the data that lets claim matching cross
 * languages without a model download:
 *
 *   npm run build:lexicon -- DICTD_DIR CLDR_LOCALENAMES_DIR CLDR_DATES_DIR
 *
 * - Arabic → English and English → Arabic words from FreeDict (GPL-2+), as Debian packages them:
 *   `apt-get install dict-freedict-ara-eng dict-freedict-eng-ara` puts them in /usr/share/dictd;
 *   Only one-word headwords are kept, with their first three translations of at most two words.
 * - Russian → English from Mueller's English–Russian dictionary (GPL-2+, `apt-get install
 *   mueller7-dict`) and the small FreeDict eng-rus (dict-freedict-eng-rus), reversed: each Russian
 *   word the English headwords it translates first, filed under it and, apart, under its stem
 *   (russianStem), so that any case or number of it finds them; a two-word term (прекращение
 *   огня, ceasefire) under its words' stems.
 * - Places in Arabic, English and Russian from the Unicode CLDR (Unicode licence): country and
 *   region names (cldr-localenames-full, territories.json) and cities (cldr-dates-full, the
 *   time zones' exemplar cities). Unpack the npm packages where you like, e.g.
 *   `npm pack cldr-localenames-full@48.2.0 cldr-dates-full@48.2.0` and `tar xzf` each.
 *
 * Every key is in search-key form (normalizeForSearch). The licences are in
 * libs/linking/src/cross-language-lexicon.LICENSE.md.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { normalizeForSearch } from '@isnad/text';
import { isRussianStopWord, russianPhraseKey, russianStemKey } from '../libs/linking/src/cross-language';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const decode = (s: string) => [...s].reduce((n, c) => n * 64 + B64.indexOf(c), 0);
const MAX_TRANSLATIONS = 3;
const MAX_TRANSLATION_WORDS = 2;

/** Headword → translations of a dictd dictionary (index + dictzip data). */
function readDictd(dir: string, name: string): Map<string, string[]> {
  const data = gunzipSync(readFileSync(join(dir, `${name}.dict.dz`)));
  const entries = new Map<string, string[]>();
  for (const line of readFileSync(join(dir, `${name}.index`), 'utf8').split('\n')) {
    const [headword, offset, length] = line.split('\t');
    if (!length || headword.startsWith('00database')) continue;
    const body = data.subarray(decode(offset), decode(offset) + decode(length)).toString('utf8').split('\n').slice(1);
    const senses = body
      .map((l) => l.replace(/^\s*\d+\.\s*/, '').trim())
      .flatMap((l) => l.split(/\s+-\s+|[;,،]/u))
      .map((l) => normalizeForSearch(l))
      .filter((l) => l && l.split(' ').length <= MAX_TRANSLATION_WORDS);
    const key = normalizeForSearch(headword);
    if (!key || key.includes(' ') || !senses.length) continue;
    entries.set(key, [...new Set([...(entries.get(key) ?? []), ...senses])]);
  }
  return entries;
}

/** Adds the reverse of `entries` (each one-word translation → its headword) to `into`. */
function addReversed(into: Map<string, string[]>, entries: Map<string, string[]>): Map<string, string[]> {
  for (const [headword, senses] of entries) {
    for (const sense of senses.slice(0, MAX_TRANSLATIONS)) {
      if (sense.includes(' ')) continue;
      const known = into.get(sense) ?? [];
      if (known.length < MAX_TRANSLATIONS && !known.includes(headword)) into.set(sense, [...known, headword]);
    }
  }
  return into;
}

/** One dictd entry's text by headword: the index's offsets into the dictzip data. */
function dictdBodies(dir: string, name: string): Map<string, string> {
  const data = gunzipSync(readFileSync(join(dir, `${name}.dict.dz`)));
  const bodies = new Map<string, string>();
  for (const line of readFileSync(join(dir, `${name}.index`), 'utf8').split('\n')) {
    const [headword, offset, length] = line.split('\t');
    if (!length || headword.startsWith('00')) continue;
    bodies.set(headword, data.subarray(decode(offset), decode(offset) + decode(length)).toString('utf8'));
  }
  return bodies;
}

/** A Russian word or two, in Cyrillic letters only (no English example, no abbreviation). */
const RUSSIAN_TRANSLATION = /^[\p{Script=Cyrillic}-]+(?: [\p{Script=Cyrillic}-]+)?$/u;

/**
 * English headword → its Russian translations, in the order Mueller gives them, from the dictd
 * text: senses (1), а), 2.) and the translations within them (, ;), without transcriptions, labels
 * (_n., _воен.), glosses in brackets or the English examples and what follows them in a sense.
 * Lower-case one-word headwords only (not names or abbreviations).
 */
function readMueller(dir: string): Map<string, { translations: string[]; size: number }> {
  const entries = new Map<string, { translations: string[]; size: number }>();
  for (const [headword, body] of dictdBodies(dir, 'mueller7')) {
    if (!/^[a-z]+$/.test(headword)) continue;
    const text = body.split('\n').slice(1).join(' ');
    const translations = text
      .replace(/\[[^\]]*\]/g, ' ')
      .replace(/\([^)]*\)/g, ' ')
      .replace(/_[^\s.]+\./gu, ' ')
      .split(/[;,]|\b\d+[.)]|(?<![\p{L}])[а-я]\)/u)
      .map((part) => part.replace(/\s+/g, ' ').trim())
      .filter((part) => RUSSIAN_TRANSLATION.test(part))
      .map((part) => normalizeForSearch(part));
    if (translations.length) entries.set(headword, { translations: [...new Set(translations)], size: body.length });
  }
  return entries;
}

/**
 * Russian key (`keyOf` a translation: the word, its stem or a two-word term's stems) → English
 * words, reversed from English → Russian entries: a Russian word's headwords ranked by where it stands among each one's
 * translations (first is best), then by the length of the headword's entry (common words have long
 * ones: "church" before "kirk").
 */
function russianToEnglish(entries: Map<string, { translations: string[]; size: number }>, keyOf: (word: string) => string | null): Map<string, string[]> {
  const ranked = new Map<string, { headword: string; position: number; size: number }[]>();
  for (const [headword, { translations, size }] of entries) {
    translations.forEach((translation, position) => {
      if ([...translation].length < 2 || isRussianStopWord(translation)) return;
      const key = keyOf(translation);
      if (key === null) return;
      const known = ranked.get(key) ?? [];
      const same = known.find((k) => k.headword === headword);
      if (same) same.position = Math.min(same.position, position);
      else ranked.set(key, [...known, { headword, position, size }]);
    });
  }
  const out = new Map<string, string[]>();
  for (const [stem, headwords] of ranked) {
    out.set(stem, headwords.sort((a, b) => a.position - b.position || b.size - a.size).slice(0, MAX_TRANSLATIONS).map((h) => h.headword));
  }
  return out;
}

function compact(entries: Map<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, senses] of [...entries].sort(([a], [b]) => (a < b ? -1 : 1))) out[key] = senses.slice(0, MAX_TRANSLATIONS).join('|');
  return out;
}

type Names = Record<string, string>;

function territories(dir: string, locale: string): Names {
  const file = JSON.parse(readFileSync(join(dir, 'main', locale, 'territories.json'), 'utf8'));
  const names: Names = file.main[locale].localeDisplayNames.territories;
  return Object.fromEntries(Object.entries(names).filter(([code]) => /^[A-Z]{2}$/.test(code) && !code.includes('-alt')));
}

function cities(dir: string, locale: string): Names {
  const file = JSON.parse(readFileSync(join(dir, 'main', locale, 'timeZoneNames.json'), 'utf8'));
  const out: Names = {};
  const walk = (node: Record<string, unknown>, path: string) => {
    for (const [name, value] of Object.entries(node)) {
      if (!value || typeof value !== 'object') continue;
      const city = (value as { exemplarCity?: string }).exemplarCity;
      if (city) out[`${path}/${name}`] = city;
      else walk(value as Record<string, unknown>, `${path}/${name}`);
    }
  };
  walk(file.main[locale].dates.timeZoneNames.zone, '');
  return out;
}

/** [arabic, english, russian] names of the same place, in search-key form. */
function places(localenames: string, dates: string): string[][] {
  const rows: string[][] = [];
  for (const read of [(l: string) => territories(localenames, l), (l: string) => cities(dates, l)]) {
    const [ar, en, ru] = ['ar', 'en', 'ru'].map(read);
    for (const code of Object.keys(ar)) {
      const names = [ar[code], en[code] ?? code.split('/').pop()?.replace(/_/g, ' '), ru[code]].map((n) => normalizeForSearch(n ?? ''));
      if (names.every(Boolean)) rows.push(names);
    }
  }
  return rows;
}

/** The lexicon's key of a Russian word as written (a translation of two words has none). */
const russianWordKey = (translation: string) => (translation.includes(' ') ? null : translation);

/** The key of a Russian word's stem (russianStemKey): none for a translation of two words. */
const russianStemOfWord = (translation: string) => (translation.includes(' ') ? null : russianStemKey(translation));

/** The key of a two-word Russian term (russianPhraseKey): none for one word, or a term with a function word. */
function russianTermKey(translation: string): string | null {
  const words = translation.split(' ');
  return words.length === 2 ? russianPhraseKey(words[0], words[1]) || null : null;
}

/** Mueller's entries, and FreeDict eng-rus's for the headwords Mueller lacks. */
function englishToRussian(dictd: string): Map<string, { translations: string[]; size: number }> {
  const entries = readMueller(dictd);
  for (const [headword, translations] of readDictd(dictd, 'freedict-eng-rus')) {
    if (!entries.has(headword)) entries.set(headword, { translations, size: 0 });
  }
  return entries;
}

function main(): void {
  const [dictd = '/usr/share/dictd', localenames, dates] = process.argv.slice(2);
  if (!localenames || !dates) throw new Error('Usage: build:lexicon -- DICTD_DIR CLDR_LOCALENAMES_DIR CLDR_DATES_DIR');
  if (!readdirSync(dictd).some((f) => f.startsWith('freedict-ara-eng'))) throw new Error(`No FreeDict ara-eng in ${dictd}`);
  const arEn = readDictd(dictd, 'freedict-ara-eng');
  const enAr = readDictd(dictd, 'freedict-eng-ara');
  const russian = englishToRussian(dictd);
  const lexicon = {
    source: 'FreeDict ara-eng, eng-ara and eng-rus 2022.04.21 (GPL-2+); Mueller English-Russian 7th edition, Debian mueller7-dict 2002.02.27 (GPL-2+); Unicode CLDR 48.2 territories and exemplar cities (Unicode licence)',
    arEn: compact(addReversed(arEn, enAr)),
    enAr: compact(addReversed(enAr, arEn)),
    ruEn: compact(russianToEnglish(russian, russianWordKey)),
    ruStemsEn: compact(russianToEnglish(russian, russianStemOfWord)),
    ruPhrasesEn: compact(russianToEnglish(russian, russianTermKey)),
    places: places(resolve(localenames), resolve(dates)),
  };
  const out = join(__dirname, '..', 'libs', 'linking', 'src', 'cross-language-lexicon.json');
  writeFileSync(out, JSON.stringify(lexicon));
  console.log(
    `${out}: ${Object.keys(lexicon.arEn).length} Arabic words, ${Object.keys(lexicon.enAr).length} English words, ${lexicon.places.length} places`,
  );
}

main();
