import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashtagWords, normalizeForSearch } from '@isnad/text';
import { asWritten, entryOf, labelsOf, arabicForms, englishForms, IndexedTable, tableOf, withoutConjunction, wordsOf } from './claim-predicates';
import { EVENT_VERBS } from './event-verbs';
import { figureWords, hasArabicScript, hasDigit, lightStem, longerThanOneLetter, roundedIn } from './match-scoring';

// The readings the rules and pair measures take of every text, as they were written before they
// were made cheap (regular expressions, arrays) or remembered: the plain ones the fast ones must equal.
const plain = {
  lightStem(word: string): string {
    if (/\p{Script=Arabic}/u.test(word)) {
      let stem = word.replace(/^(?:وال|بال|فال|كال|لل|ال|و(?=ال))/u, '');
      if (stem.length > 4) stem = stem.replace(/(?:ات|ون|ين|ان|ها|هم|ه|ي)$/u, '');
      return stem.length >= 2 ? stem : word;
    }
    if (word.length > 4 && /ies$/.test(word)) return word.slice(0, -3) + 'y';
    if (word.length > 3 && /[^s]s$/.test(word)) return word.slice(0, -1);
    return word;
  },
  figureWords(key: string): string[] {
    if (!/\d/.test(key)) return key.split(' ');
    return key.split(' ').flatMap((word) => {
      const m = /^(\d+)(bn|mln)$/u.exec(word);
      return m ? [m[1], m[2]] : [word];
    });
  },
  labelsOf(table: IndexedTable, key: string, arabic: (word: string) => string[] = arabicForms, english: (word: string) => string[] = englishForms): Map<string, string> {
    const labels = new Map<string, string>();
    const add = (label: string, word: string) => labels.has(label) || labels.set(label, word);
    const padded = ` ${key} `;
    for (const [phrase, label, paddedPhrase] of table.phrases) if (padded.includes(paddedPhrase)) add(label, phrase);
    for (const word of key.split(' ')) {
      if (word.length < 2) continue;
      if (/^[\u0400-\u04ff]/u.test(word)) {
        for (const [stem, label] of table.russian) if (word.startsWith(stem)) add(label, word);
        continue;
      }
      const forms = /^[\u0600-\u06ff]/u.test(word) ? arabic(word) : english(word);
      const found = forms.find((f) => table.single.has(f));
      if (found) for (const label of table.single.get(found) ?? []) add(label, word);
    }
    return labels;
  },
};

const DEV_SETS = ['contradictions', 'names', 'negatives', 'negatives2', 'negatives3', 'negatives4', 'negatives5', 'negatives6', 'roles'];

/** Every text of the nine dev sets (queries and claims' appearances), as search keys the way the matcher makes them. */
function devKeys(): string[] {
  type DevSet = { claims: { appearances: { text: string }[] }[]; queries: { text: string }[] };
  const texts = DEV_SETS.flatMap((name) => {
    const set = JSON.parse(readFileSync(join(__dirname, '../../../eval/linking', `${name}-dev.json`), 'utf8')) as DevSet;
    return [...set.queries.map((q) => q.text), ...set.claims.flatMap((c) => c.appearances.map((a) => a.text))];
  });
  return [...new Set(texts.map((text) => normalizeForSearch([text, ...hashtagWords(text)].join(' '))))];
}

describe('cheap and remembered readings equal the plain ones on every text of the nine dev sets', () => {
  const keys = devKeys();
  const words = [...new Set(keys.flatMap((key) => key.split(' ')))];
  // Words of the three scripts, and the odd ones a plain test must settle alike.
  const odd = ['', 'a', 'ss', 'ies', 'cities', 'bus', 'ال', 'وال', 'والحكومه', 'مدارس', '٣', 'ـ', '😀', 'x😀', '𝐀', '5bn', '3mln', 'عام2024'];

  it('reads hundreds of texts in three scripts', () => {
    expect(keys.length).toBeGreaterThan(300);
    expect(words.some((w) => /\p{Script=Arabic}/u.test(w))).toBe(true);
    expect(words.some((w) => /\p{Script=Cyrillic}/u.test(w))).toBe(true);
  });

  it('stems, tells scripts, digits and one-letter words as the regular expressions do', () => {
    const differ = [...words, ...odd].filter(
      (w) =>
        lightStem(w) !== plain.lightStem(w) ||
        hasArabicScript(w) !== /\p{Script=Arabic}/u.test(w) ||
        hasDigit(w) !== /\d/.test(w) ||
        longerThanOneLetter(w) !== [...w].length > 1,
    );
    expect(differ).toEqual([]);
  });

  it('reads figure words and roundings, remembered, as read afresh', () => {
    for (const key of [...keys, ...odd]) expect([...figureWords(key)]).toEqual(plain.figureWords(key));
    // roundedIn of a pair is the union of each key's roundings (the set the spread of both made).
    for (let i = 0; i + 1 < keys.length; i++) {
      const [a, b] = [keys[i], keys[i + 1]];
      expect([...roundedIn(a, b)].sort()).toEqual([...new Set([...roundedIn(a), ...roundedIn(b)])].sort());
    }
  });

  it('reads a table’s labels word by word, remembered, as labelsOf read them afresh', () => {
    const verbs = tableOf(Object.fromEntries(Object.entries(EVENT_VERBS).map(([name, classWords]) => [name, wordsOf(classWords)])));
    const readers: [(word: string) => string[], (word: string) => string[]][] = [
      [arabicForms, englishForms],
      [withoutConjunction, asWritten],
    ];
    // Twice over: the second pass reads every word from what the first remembered.
    for (let pass = 0; pass < 2; pass++) {
      for (const [arabic, english] of readers) {
        for (const key of keys) expect([...labelsOf(verbs, key, arabic, english)]).toEqual([...plain.labelsOf(verbs, key, arabic, english)]);
        for (const word of [...words, ...odd]) expect(entryOf(verbs, word, arabic, english)).toBe(plain.labelsOf(verbs, word, arabic, english).keys().next().value);
      }
    }
  });
});
