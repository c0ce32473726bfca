import { SHINGLE_WORDS, ShingledText, WordToken, isSampled } from './text-fingerprint';

/**
 * Text reuse between two articles, decided on what they share rather than on whole-document
 * similarity: shared shingles are chained into aligned passages (seed and extend, in the spirit of
 * passim), short coincidences and boilerplate are dropped, and the kind of reuse follows from the
 * share of the shorter text the passages cover and from whether they sit inside quotation marks.
 * Pure functions; no I/O.
 */

export enum ReuseKind {
  COPY = 'COPY',
  PARTIAL_COPY = 'PARTIAL_COPY',
  SHARED_QUOTATION = 'SHARED_QUOTATION',
}

/** The thresholds of a decision; tuned on the dev part of eval/republication only. */
export interface ReuseRules {
  /** Words two aligned runs may leave between them in either text and still be one passage (small edits). */
  maxGapWords: number;
  /** Matched words below which a passage is a coincidence (a stock phrase), not reuse. */
  minPassageWords: number;
  /** Shared shingles below which two texts are not copies (a shared quotation needs only one passage). */
  minSharedShingles: number;
  /** Share of the original's shingles a republication carries from which it is a whole COPY (else PARTIAL_COPY). */
  copyCoverage: number;
  /** Share of the shorter text's shingles found in the other from which it is a republication at all. */
  partialContainment: number;
  /** Shared words outside quotation marks below which the overlap is only a shared quotation. */
  minUnquotedWords: number;
}

export const DEFAULT_REUSE_RULES: ReuseRules = {
  maxGapWords: 6,
  minPassageWords: 8,
  minSharedShingles: 12,
  copyCoverage: 0.6,
  partialContainment: 0.25,
  minUnquotedWords: 15,
};

/** Most exact runs aligned for one pair, the longest first: bounds the work on repetitive pages. */
export const MAX_RUNS = 5000;
/** Most passages kept for one pair: the longest ones. */
export const MAX_PASSAGES = 40;

/** A span of one of the two texts, in code points of its NFC text. */
export interface PassageSide {
  start: number;
  end: number;
  exact: string;
}

export interface SharedPassage {
  original: PassageSide;
  copy: PassageSide;
  /** Words the two sides have in common, in order. */
  matchedWords: number;
}

export interface TextReuse {
  kind: ReuseKind;
  /** Shared shingles over the shingles of the shorter text (frequent shingles left out). */
  containment: number;
  /** Shared shingles over the shingles of both texts (Jaccard). */
  similarity: number;
  sharedShingles: number;
  /** Matched words that sit outside quotation marks in both texts. */
  unquotedWords: number;
  passages: SharedPassage[];
}

/** An exact run of shared words: `length` shingles from original shingle `a` and copy shingle `b`. */
interface Run {
  a: number;
  b: number;
  length: number;
}

interface Passage {
  runs: Run[];
}

/**
 * How `copy` reuses `original` (the earlier text), or null when they share too little. `frequent`
 * holds shingle hashes seen in many documents (boilerplate, stock phrases); they count for nothing.
 */
export function compareTexts(
  original: ShingledText,
  copy: ShingledText,
  frequent: ReadonlySet<number> = new Set(),
  rules: ReuseRules = DEFAULT_REUSE_RULES,
): TextReuse | null {
  const runs = selectRuns(sharedRuns(original.shingles, copy.shingles, frequent), original.words.length, copy.words.length);
  const passages = chain(runs, rules.maxGapWords)
    .filter((p) => matchedWords(p) >= rules.minPassageWords)
    .filter((p) => !mostlyFrequent(p, copy.shingles, frequent));
  if (!passages.length) return null;

  const shared = new Set<number>();
  for (const passage of passages) for (const run of passage.runs) for (let i = 0; i < run.length; i++) shared.add(copy.shingles[run.b + i]);
  for (const hash of frequent) shared.delete(hash);
  const originalSet = distinct(original.shingles, frequent);
  const copySet = distinct(copy.shingles, frequent);
  const containment = shared.size / Math.max(1, Math.min(originalSet, copySet));
  const similarity = shared.size / Math.max(1, originalSet + copySet - shared.size);

  const quotedInOriginal = quotedWords(original);
  const quotedInCopy = quotedWords(copy);
  let unquotedWords = 0;
  for (const passage of passages) {
    for (const run of passage.runs) {
      for (let i = 0; i < run.length + SHINGLE_WORDS - 1; i++) {
        if (!quotedInOriginal[run.a + i] && !quotedInCopy[run.b + i]) unquotedWords++;
      }
    }
  }
  const quotedShared = passages.reduce((sum, p) => sum + matchedWords(p), 0) - unquotedWords;
  const kind = classify(shared.size, containment, shared.size / Math.max(1, originalSet), unquotedWords, quotedShared, rules);
  if (!kind) return null;
  const kept = [...passages].sort((x, y) => matchedWords(y) - matchedWords(x)).slice(0, MAX_PASSAGES);
  kept.sort((x, y) => x.runs[0].b - y.runs[0].b);
  return {
    kind,
    containment: round(Math.min(1, containment)),
    similarity: round(Math.min(1, similarity)),
    sharedShingles: shared.size,
    unquotedWords,
    passages: kept.map((p) => ({
      original: side(original, p.runs[0].a, lastWord(p, 'a')),
      copy: side(copy, p.runs[0].b, lastWord(p, 'b')),
      matchedWords: matchedWords(p),
    })),
  };
}

/** The kind of reuse, or null when the texts share too little to be related. */
function classify(
  shared: number,
  containment: number,
  coverage: number,
  unquoted: number,
  quoted: number,
  rules: ReuseRules,
): ReuseKind | null {
  if (unquoted < rules.minUnquotedWords) return quoted >= rules.minPassageWords ? ReuseKind.SHARED_QUOTATION : null;
  if (shared < rules.minSharedShingles || containment < rules.partialContainment) return null;
  return coverage >= rules.copyCoverage ? ReuseKind.COPY : ReuseKind.PARTIAL_COPY;
}

/** Maximal runs of equal shingles on one diagonal; a shingle repeated many times in the original is followed 8 times at most. */
function sharedRuns(original: readonly number[], copy: readonly number[], frequent: ReadonlySet<number>): Run[] {
  const positions = new Map<number, number[]>();
  original.forEach((hash, i) => {
    if (frequent.has(hash)) return;
    const list = positions.get(hash);
    if (!list) positions.set(hash, [i]);
    else if (list.length < 8) list.push(i);
  });
  const open = new Map<number, Run>(); // by original index of the run's next shingle
  const runs: Run[] = [];
  for (let b = 0; b < copy.length; b++) {
    const extended = new Map<number, Run>();
    for (const a of positions.get(copy[b]) ?? []) {
      const run = open.get(a);
      if (run && run.b + run.length === b) {
        run.length++;
        extended.set(a + 1, run);
      } else {
        const fresh = { a, b, length: 1 };
        runs.push(fresh);
        extended.set(a + 1, fresh);
      }
    }
    open.clear();
    for (const [key, run] of extended) open.set(key, run);
  }
  return runs;
}

/** The longest runs that overlap no longer one in either text (a repeated sentence is matched once); MAX_RUNS at most. */
function selectRuns(runs: Run[], originalWords: number, copyWords: number): Run[] {
  const sorted = [...runs].sort((x, y) => y.length - x.length || x.b - y.b).slice(0, MAX_RUNS);
  const takenA = new Uint8Array(originalWords);
  const takenB = new Uint8Array(copyWords);
  const free = (taken: Uint8Array, from: number, to: number) => {
    for (let i = from; i < to; i++) if (taken[i]) return false;
    return true;
  };
  const chosen: Run[] = [];
  for (const run of sorted) {
    const words = run.length + SHINGLE_WORDS - 1;
    if (!free(takenA, run.a, run.a + words) || !free(takenB, run.b, run.b + words)) continue;
    takenA.fill(1, run.a, run.a + words);
    takenB.fill(1, run.b, run.b + words);
    chosen.push(run);
  }
  return chosen.sort((x, y) => x.b - y.b);
}

/** Chains runs that follow each other in both texts with small gaps into passages. */
function chain(runs: Run[], maxGapWords: number): Passage[] {
  const passages: Passage[] = [];
  let current: Passage | null = null;
  for (const run of runs) {
    const last = current?.runs[current.runs.length - 1];
    if (current && last) {
      const gapA = run.a - (last.a + last.length + SHINGLE_WORDS - 1);
      const gapB = run.b - (last.b + last.length + SHINGLE_WORDS - 1);
      if (gapA >= 0 && gapB >= 0 && gapA <= maxGapWords && gapB <= maxGapWords) {
        current.runs.push(run);
        continue;
      }
    }
    current = { runs: [run] };
    passages.push(current);
  }
  return passages;
}

function matchedWords(passage: Passage): number {
  return passage.runs.reduce((sum, run) => sum + run.length + SHINGLE_WORDS - 1, 0);
}

/** Whether most of a passage's sampled shingles are frequent ones (only sampled shingles have a known frequency). */
function mostlyFrequent(passage: Passage, copy: readonly number[], frequent: ReadonlySet<number>): boolean {
  if (!frequent.size) return false;
  let known = 0;
  let common = 0;
  for (const run of passage.runs) {
    for (let i = 0; i < run.length; i++) {
      const hash = copy[run.b + i];
      if (!isSampled(hash)) continue;
      known++;
      if (frequent.has(hash)) common++;
    }
  }
  return known > 0 && common * 2 >= known;
}

function lastWord(passage: Passage, which: 'a' | 'b'): number {
  const run = passage.runs[passage.runs.length - 1];
  return run[which] + run.length + SHINGLE_WORDS - 2;
}

function side(text: ShingledText, firstWord: number, lastWordIndex: number): PassageSide {
  const first = text.words[firstWord];
  const last = text.words[lastWordIndex];
  return { start: first.start, end: last.end, exact: text.text.slice(first.from, last.to) };
}

function distinct(hashes: readonly number[], frequent: ReadonlySet<number>): number {
  const set = new Set(hashes);
  for (const hash of frequent) set.delete(hash);
  return set.size;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

// Opening mark → closing marks. A straight double quote closes itself; „ closes with “ or ”.
const QUOTE_PAIRS: Record<string, string> = { '«': '»', '“': '”', '„': '“”', '"': '"', '‹': '›' };
/** A quotation runs at most this many UTF-16 units and never across a paragraph break. */
const MAX_QUOTATION = 1500;

/** The UTF-16 spans of `text` inside quotation marks (« », “ ”, „ “, " "), innermost marks excluded. */
export function quotationSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const closers = QUOTE_PAIRS[text[i]];
    if (!closers) continue;
    let j = i + 1;
    while (j < text.length && j - i <= MAX_QUOTATION && !closers.includes(text[j]) && !(text[j] === '\n' && text[j + 1] === '\n')) j++;
    if (j < text.length && closers.includes(text[j])) {
      spans.push([i + 1, j]);
      i = j;
    }
  }
  return spans;
}

/** For each word of a text, whether it sits inside quotation marks. */
function quotedWords(text: ShingledText): boolean[] {
  const spans = quotationSpans(text.text);
  const flags = new Array<boolean>(text.words.length).fill(false);
  let s = 0;
  text.words.forEach((word: WordToken, i) => {
    while (s < spans.length && spans[s][1] <= word.from) s++;
    if (s < spans.length && spans[s][0] <= word.from && word.to <= spans[s][1]) flags[i] = true;
  });
  return flags;
}
