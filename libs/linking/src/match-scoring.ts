/**
 * Re-ranking of candidate claim texts: pure functions over search keys and stemmed lexemes (the
 * lexemes come from PostgreSQL's arabic/english/simple configurations, so the database and the
 * re-ranker stem alike). No I/O; the service feeds them what the candidate search returned.
 */

/** Why a candidate was suggested, in words a fact-checker can check against the two texts. */
export interface MatchReasonParts {
  kind: MatchReasonKind;
  /** The words, phrase or numbers concerned, as written in the query's search key. */
  values: string[];
}

export enum MatchReasonKind {
  SHARED_PHRASE = 'SHARED_PHRASE',
  SHARED_TERMS = 'SHARED_TERMS',
  SHARED_NAMES = 'SHARED_NAMES',
  SHARED_NUMBERS = 'SHARED_NUMBERS',
  DIFFERENT_NUMBERS = 'DIFFERENT_NUMBERS',
  SIMILAR_WORDING = 'SIMILAR_WORDING',
  SIMILAR_MEANING = 'SIMILAR_MEANING',
}

/** Document frequencies of lexemes over the matching index, and how many texts it holds. */
export interface TermStats {
  df: ReadonlyMap<string, number>;
  total: number;
  /** Mean number of lexemes of the texts compared (BM25's average document length); 0 when unknown. */
  averageLength?: number;
}

export interface QueryFeatures {
  key: string;
  lexemes: string[];
  /** Capitalised words of the original text (English names), as search keys. */
  names: string[];
}

export interface CandidateFeatures {
  key: string;
  lexemes: string[];
  /** pg_trgm similarity(key, query key), 0..1. */
  trigram: number;
  /** Cosine similarity of embeddings, when an encoder is configured. */
  embedding?: number;
}

export interface TextScore {
  score: number;
  reasons: MatchReasonParts[];
}

/** How the re-ranker's features add up to a score (they sum to 1). */
export const SCORE_WEIGHTS = { lexical: 0.25, candidateCoverage: 0.1, trigram: 0.1, phrase: 0.15, bm25: 0.4 };
const BM25_K1 = 1.2;
const BM25_B = 0.75;

/** Inverse document frequency (BM25's, floored at a small positive value). */
export function idf(lexeme: string, stats: TermStats): number {
  const n = Math.max(stats.total, 1);
  const df = Math.min(stats.df.get(lexeme) ?? 0, n);
  return Math.max(Math.log(1 + (n - df + 0.5) / (df + 0.5)), 0.05);
}

// Number words up to the common round numbers, English and Arabic (search-key spelling: ة → ه).
const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', twenty: '20', thirty: '30', forty: '40', fifty: '50', hundred: '100', thousand: '1000',
  واحد: '1', اثنان: '2', اثنين: '2', ثلاث: '3', ثلاثه: '3', اربع: '4', اربعه: '4', خمس: '5', خمسه: '5', ست: '6', سته: '6',
  سبع: '7', سبعه: '7', ثماني: '8', ثمانيه: '8', تسع: '9', تسعه: '9', عشره: '10', عشرين: '20', عشرون: '20',
  ثلاثين: '30', اربعين: '40', خمسين: '50', مئه: '100', مائه: '100', الف: '1000',
};

const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, الف: 1e3, الاف: 1e3, مليون: 1e6, ملايين: 1e6, مليار: 1e9,
};

/**
 * Numbers in a search key (digits are ASCII there), as plain digits: "1,200" → 1200, number words
 * → digits, "15 ألف" and "15 thousand" → 15000.
 */
export function numbersIn(key: string): string[] {
  const words = key.split(' ');
  const numbers: string[] = [];
  words.forEach((word, i) => {
    const bare = word.replace(/^و(?=\p{L}{3})/u, '');
    let value: number | null = null;
    if (/^\d+(?:[.,]\d+)*$/.test(word)) value = Number(/^\d{1,3}(?:,\d{3})+$/.test(word) ? word.replace(/,/g, '') : word.replace(',', '.'));
    else if (NUMBER_WORDS[bare] && !(i > 0 && /^\d/.test(words[i - 1]) && MULTIPLIERS[bare])) value = Number(NUMBER_WORDS[bare]);
    if (value === null || Number.isNaN(value)) return;
    const multiplier = MULTIPLIERS[words[i + 1]?.replace(/^و/u, '') ?? ''];
    numbers.push(String(multiplier ? value * multiplier : value));
  });
  return [...new Set(numbers)];
}

/** Capitalised words not at a sentence start: a cheap stand-in for names in English text. */
export function capitalisedNames(text: string): string[] {
  const names = new Set<string>();
  for (const sentence of text.split(/[.!?؟\n]+/u)) {
    const words = sentence.trim().split(/\s+/u);
    words.forEach((word, i) => {
      const bare = word.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');
      if (i > 0 && /^\p{Lu}[\p{L}'’-]{2,}$/u.test(bare)) names.add(bare.toLowerCase());
    });
  }
  return [...names];
}

// Arabic clitics and English plural/possessive endings, stripped only to compare phrases.
const ARABIC_PREFIX = /^(?:وال|بال|فال|كال|لل|ال|و(?=ال))/u;
const ARABIC_SUFFIX = /(?:ات|ون|ين|ان|ها|هم|ه|ي)$/u;

/** A light stem for phrase comparison: Arabic article and clitics, common endings; English -s. */
export function lightStem(word: string): string {
  if (/\p{Script=Arabic}/u.test(word)) {
    let stem = word.replace(ARABIC_PREFIX, '');
    if (stem.length > 4) stem = stem.replace(ARABIC_SUFFIX, '');
    return stem.length >= 2 ? stem : word;
  }
  if (word.length > 4 && /ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (word.length > 3 && /[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

const PHRASE_STOP_WORDS = new Set([
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'and', 'or', 'is', 'was', 'are', 'were', 'be', 'by', 'for', 'that', 'this', 'with',
  'في', 'من', 'على', 'الى', 'عن', 'ان', 'و', 'او', 'مع', 'هذا', 'هذه', 'التي', 'الذي', 'قد', 'كان', 'ما', 'لا',
]);

/** The longest run of consecutive words (light-stemmed) the two keys share, if at least two words long. */
export function longestSharedPhrase(queryKey: string, candidateKey: string): string[] {
  const q = queryKey.split(' ');
  const qs = q.map(lightStem);
  const cs = candidateKey.split(' ').map(lightStem);
  let best: [number, number] = [0, 0];
  // Dynamic programming over the two word sequences; keys are short (a statement or a tweet).
  let previous = new Array<number>(cs.length + 1).fill(0);
  for (let i = 1; i <= qs.length; i++) {
    const current = new Array<number>(cs.length + 1).fill(0);
    for (let j = 1; j <= cs.length; j++) {
      if (qs[i - 1] === cs[j - 1]) {
        current[j] = previous[j - 1] + 1;
        if (current[j] > best[1] - best[0]) best = [i - current[j], i];
      }
    }
    previous = current;
  }
  const phrase = q.slice(best[0], best[1]);
  const content = phrase.filter((w) => !PHRASE_STOP_WORDS.has(w));
  return phrase.length >= 2 && content.length >= 1 ? phrase : [];
}

/**
 * Scores one candidate text against the query, 0..1: IDF-weighted overlap of stemmed lexemes
 * (how much of the candidate the query covers, and of the query the candidate covers), trigram
 * similarity of the keys, the longest shared phrase, and the embedding similarity when there is
 * one. Different numbers on both sides ("5 killed" vs "50 killed") cut the score.
 */
export function scoreCandidate(query: QueryFeatures, candidate: CandidateFeatures, stats: TermStats): TextScore {
  const queryLexemes = new Set(query.lexemes);
  const candidateLexemes = new Set(candidate.lexemes);
  const weight = (set: Set<string>) => [...set].reduce((sum, l) => sum + idf(l, stats), 0);
  const shared = [...candidateLexemes].filter((l) => queryLexemes.has(l));
  const sharedWeight = shared.reduce((sum, l) => sum + idf(l, stats), 0);
  const candidateCoverage = sharedWeight / Math.max(weight(candidateLexemes), 1e-9);
  const queryCoverage = sharedWeight / Math.max(weight(queryLexemes), 1e-9);
  const lexical = (2 * candidateCoverage * queryCoverage) / Math.max(candidateCoverage + queryCoverage, 1e-9);

  // BM25 with binary term frequencies, divided by its largest possible value for this query.
  const lengthRatio = stats.averageLength ? candidateLexemes.size / stats.averageLength : 1;
  const bm25 = (sharedWeight * (1 / (1 + BM25_K1 * (1 - BM25_B + BM25_B * lengthRatio)))) / Math.max(weight(queryLexemes) / (1 + BM25_K1 * (1 - BM25_B)), 1e-9);

  const phrase = longestSharedPhrase(query.key, candidate.key);
  const candidateWords = candidate.key.split(' ').length;
  const phraseScore = Math.min(phrase.length / Math.max(Math.min(candidateWords, 12), 1), 1);

  let score =
    SCORE_WEIGHTS.lexical * lexical +
    SCORE_WEIGHTS.candidateCoverage * candidateCoverage +
    SCORE_WEIGHTS.trigram * candidate.trigram +
    SCORE_WEIGHTS.phrase * phraseScore +
    SCORE_WEIGHTS.bm25 * Math.min(bm25, 1);
  if (candidate.embedding !== undefined) score = 0.5 * score + 0.5 * Math.max(candidate.embedding, 0);

  const reasons: MatchReasonParts[] = [];
  if (phrase.length) reasons.push({ kind: MatchReasonKind.SHARED_PHRASE, values: [phrase.join(' ')] });
  const candidateWordSet = new Set(candidate.key.split(' '));
  const names = query.names.filter((name) => candidateWordSet.has(name));
  if (names.length) reasons.push({ kind: MatchReasonKind.SHARED_NAMES, values: names });

  const queryNumbers = numbersIn(query.key);
  const candidateNumbers = numbersIn(candidate.key);
  const sharedNumbers = queryNumbers.filter((n) => candidateNumbers.includes(n));
  if (sharedNumbers.length) reasons.push({ kind: MatchReasonKind.SHARED_NUMBERS, values: sharedNumbers });
  if (queryNumbers.length && candidateNumbers.length && !sharedNumbers.length) {
    score *= 0.5;
    reasons.push({ kind: MatchReasonKind.DIFFERENT_NUMBERS, values: [...queryNumbers, ...candidateNumbers] });
  }
  const rare = shared
    .filter((l) => !/^\d/.test(l))
    .sort((a, b) => idf(b, stats) - idf(a, stats))
    .slice(0, 6);
  if (rare.length) reasons.push({ kind: MatchReasonKind.SHARED_TERMS, values: rare });
  if (candidate.trigram >= 0.5) reasons.push({ kind: MatchReasonKind.SIMILAR_WORDING, values: [candidate.trigram.toFixed(2)] });
  if (candidate.embedding !== undefined && candidate.embedding >= 0.8) {
    reasons.push({ kind: MatchReasonKind.SIMILAR_MEANING, values: [candidate.embedding.toFixed(2)] });
  }
  return { score: Math.min(Math.max(score, 0), 1), reasons };
}
