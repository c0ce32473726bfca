/**
 * Scores claim-candidate extraction against the hand-labelled articles in eval/extraction (or the
 * folder given as the first argument). Prints precision and recall of candidates and of the
 * attributed first source, overall and per language. `--verbose` lists every miss.
 *
 * A candidate matches a label when their spans overlap by at least half of the shorter one.
 * A source is right when the first hop's name, descriptor or canonical name and the label's
 * first source contain one another after normalizeForSearch, or when both are absent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ClaimCandidate, cleanArticleText, codePointLength, findClaimCandidates, normalizeForSearch } from '@isnad/text';

interface LabelledStatement {
  exact: string;
  /** Expected chain, origin first, as written in the article; empty for the outlet's own reporting. */
  sources: string[];
}

interface LabelledArticle {
  id: string;
  language: string;
  publishedAt: string;
  text?: string;
  textFile?: string;
  labels: LabelledStatement[];
}

interface Tally {
  candidates: number;
  candidatesMatched: number;
  labels: number;
  labelsFound: number;
  sourcesProposed: number;
  sourcesProposedRight: number;
  sourcesExpected: number;
  sourcesExpectedFound: number;
}

const emptyTally = (): Tally => ({
  candidates: 0, candidatesMatched: 0, labels: 0, labelsFound: 0, sourcesProposed: 0, sourcesProposedRight: 0,
  sourcesExpected: 0, sourcesExpectedFound: 0,
});

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const folder = resolve(args.find((a) => !a.startsWith('--')) ?? 'eval/extraction');
const tallies = new Map<string, Tally>([['all', emptyTally()]]);

for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
  const article = JSON.parse(readFileSync(join(folder, file), 'utf8')) as LabelledArticle;
  const raw = article.textFile ? readFileSync(resolve(dirname(join(folder, file)), article.textFile), 'utf8') : article.text ?? '';
  const text = cleanArticleText(raw).text;
  const candidates = findClaimCandidates(text, { publishedAt: article.publishedAt });
  const labels = article.labels.map((label) => ({ ...label, span: locate(text, label.exact) }));
  const perArticle = emptyTally();

  perArticle.candidates = candidates.length;
  perArticle.candidatesMatched = candidates.filter((c) => labels.some((l) => l.span && matches(c, l.span))).length;
  for (const label of labels) {
    perArticle.labels++;
    const expected = label.sources[0] ?? null;
    if (expected) perArticle.sourcesExpected++;
    const best = label.span ? bestCandidate(candidates, label.span) : undefined;
    if (!best) {
      if (verbose) console.log(`  MISSED   ${article.id}: ${label.exact.slice(0, 70)}${label.span ? '' : ' (not in cleaned text)'}`);
      continue;
    }
    perArticle.labelsFound++;
    const proposed = best.suggestedChain[0];
    const right = sourceMatches(proposed ? [proposed.name, proposed.descriptor, proposed.canonicalName] : [], expected);
    if (proposed) {
      perArticle.sourcesProposed++;
      if (right) perArticle.sourcesProposedRight++;
    }
    if (expected && right) perArticle.sourcesExpectedFound++;
    if (verbose && !right) {
      const said = proposed ? proposed.name ?? proposed.descriptor : '(none)';
      console.log(`  SOURCE   ${article.id}: expected ${expected ?? '(none)'}, proposed ${said} — ${label.exact.slice(0, 50)}`);
    }
  }
  if (verbose) {
    for (const c of candidates.filter((c) => !labels.some((l) => l.span && matches(c, l.span)))) {
      console.log(`  EXTRA    ${article.id}: ${c.exact.slice(0, 70)} (score ${c.score})`);
    }
  }
  for (const key of ['all', article.language]) {
    const tally = tallies.get(key) ?? emptyTally();
    for (const field of Object.keys(tally) as Array<keyof Tally>) tally[field] += perArticle[field];
    tallies.set(key, tally);
  }
}

const pct = (num: number, den: number): string => (den === 0 ? '   n/a' : `${((100 * num) / den).toFixed(1).padStart(5)}%`);
console.log(`Claim extraction against ${folder}`);
console.log('scope  labels  cands  cand-P   cand-R   src-P    src-R');
for (const [scope, t] of [...tallies.entries()].sort(([a], [b]) => (a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b)))) {
  console.log(
    `${scope.padEnd(5)}  ${String(t.labels).padStart(6)}  ${String(t.candidates).padStart(5)}  ${pct(t.candidatesMatched, t.candidates)}  ${pct(t.labelsFound, t.labels)}  ${pct(t.sourcesProposedRight, t.sourcesProposed)}  ${pct(t.sourcesExpectedFound, t.sourcesExpected)}`,
  );
}

/** Code point span of `exact` in `text`, or null when cleaning removed it. */
function locate(text: string, exact: string): { start: number; end: number } | null {
  const at = text.indexOf(exact);
  if (at < 0) return null;
  const start = codePointLength(text.slice(0, at));
  return { start, end: start + codePointLength(exact) };
}

function overlap(c: ClaimCandidate, span: { start: number; end: number }): number {
  return Math.max(0, Math.min(c.end, span.end) - Math.max(c.start, span.start));
}

function matches(c: ClaimCandidate, span: { start: number; end: number }): boolean {
  return overlap(c, span) >= 0.5 * Math.min(c.end - c.start, span.end - span.start);
}

function bestCandidate(candidates: ClaimCandidate[], span: { start: number; end: number }): ClaimCandidate | undefined {
  return candidates.filter((c) => matches(c, span)).sort((a, b) => overlap(b, span) - overlap(a, span))[0];
}

function sourceMatches(proposed: Array<string | undefined>, expected: string | null): boolean {
  const names = proposed.filter((p): p is string => !!p).map(normalizeForSearch).filter(Boolean);
  if (!expected) return names.length === 0;
  const want = normalizeForSearch(expected);
  return names.some((name) => name.includes(want) || want.includes(name));
}
