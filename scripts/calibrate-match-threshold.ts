/**
 * Chooses the lexical model's suggestion threshold on the fact-checkers' labelled dev sets, whose
 * hard negatives (same names and places, another figure, date, actor or story) CheckThat!'s pools
 * lack:
 *
 *   npm run calibrate:matcher -- [FILE...] [--pairs FILE] [--precision 0.9]
 *
 * FILEs (default: the five dev sets of eval/linking, never linking-set.json, which stays held out)
 * are scored by `npm run eval:linking -- FILE... --pairs` (or read from --pairs, written so before).
 * Then, for the (query, claim) pairs each query gets (its top 5):
 * - precision, recall and false-match rate at the threshold in match-weights.json, per set and pooled;
 * - leave one set out: the lowest threshold at which the other sets' pooled pairs reach the
 *   precision, and what it gives on the set left out: an estimate of how a threshold chosen on
 *   some fact-checkers' sets transfers to another's;
 * - the threshold chosen so on all the sets, and what it gives on each.
 * Pairs scored by another model (the Arabic model's pools, the sentence model's) keep their own
 * model's threshold throughout. It measures and writes nothing: the model's threshold stays the one
 * `npm run train:matcher` chooses on CheckThat! dev, for a threshold chosen on four of the sets did
 * no better than it on the fifth, whichever was left out (eval/linking/README.md, "Task N").
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { precisionRecallAt, thresholdForPrecision } from '@isnad/linking';
import type { ScoredPairs } from './eval-linking';

const DEV_SETS = ['negatives-dev', 'contradictions-dev', 'names-dev', 'roles-dev', 'negatives2-dev'].map((name) =>
  join(__dirname, '..', 'eval', 'linking', `${name}.json`),
);

type SetPairs = ScoredPairs['sets'][number];

/** Precision, recall and false-match rate of a few sets when the lexical model suggests from `threshold`. */
export function suggestionsAt(sets: readonly SetPairs[], lexical: number, threshold: number) {
  const { scores, labels, relevant } = lexicalScores(sets, lexical);
  const { precision, recall } = precisionRecallAt(scores, labels, threshold, relevant);
  const negatives = sets.flatMap((s) => s.queries.filter((q) => !q.sameAs.length));
  const falseMatches = negatives.filter((q) => q.pairs.some((p) => p.relation !== 'CONTRADICTS' && p.score >= (p.threshold === lexical ? threshold : p.threshold))).length;
  return { precision, recall, falseMatchRate: negatives.length ? falseMatches / negatives.length : 0, falseMatches, negatives: negatives.length };
}

/**
 * Every pair's score as the lexical threshold sees it: a pair scored by another model is suggested
 * (+Infinity) or not (-Infinity) whatever that threshold, from its own model's.
 */
function lexicalScores(sets: readonly SetPairs[], lexical: number) {
  const pairs = sets.flatMap((s) => s.queries.flatMap((q) => q.pairs));
  return {
    scores: pairs.map((p) => (p.threshold === lexical ? p.score : p.score >= p.threshold ? Infinity : -Infinity)),
    labels: pairs.map((p) => p.label),
    relevant: sets.reduce((n, s) => n + s.queries.reduce((m, q) => m + q.sameAs.length, 0), 0),
  };
}

/** The lowest lexical threshold at which the sets' pooled suggestions reach `precision` (1 when none does). */
export function thresholdOn(sets: readonly SetPairs[], lexical: number, precision: number): number {
  const { scores, labels, relevant } = lexicalScores(sets, lexical);
  const at = thresholdForPrecision(scores, labels, precision, relevant);
  return Number.isFinite(at.threshold) ? at.threshold : 1;
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const precisionTarget = Number(option('--precision') ?? 0.9);
  const files = args.filter((a, i) => !a.startsWith('--') && !['--pairs', '--precision'].includes(args[i - 1]));
  let pairsFile = option('--pairs');
  if (!pairsFile) {
    pairsFile = join(mkdtempSync(join(tmpdir(), 'calibrate-')), 'pairs.json');
    const sets = files.length ? files.map((f) => resolve(f)) : DEV_SETS;
    console.log(`scoring ${sets.map((f) => basename(f)).join(', ')} (npm run eval:linking -- ... --pairs ${pairsFile})`);
    execFileSync(process.execPath, ['-r', join(__dirname, 'register-ts.cjs'), join(__dirname, 'eval-linking.ts'), ...sets, '--json', '--pairs', pairsFile], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const scored = JSON.parse(readFileSync(pairsFile, 'utf8')) as ScoredPairs;
  const lexical = scored.threshold;
  const name = (s: SetPairs) => basename(s.file, '.json');
  const f = (x: number) => x.toFixed(3);
  const show = (label: string, sets: readonly SetPairs[], t: number) => {
    const r = suggestionsAt(sets, lexical, t);
    return `${label.padEnd(22)} at ${f(t)}: precision ${f(r.precision)} recall ${f(r.recall)}; false-match rate ${f(r.falseMatchRate)} (${r.falseMatches}/${r.negatives})`;
  };

  console.log(`\nthe model's threshold (${lexical}), precision target ${precisionTarget}`);
  for (const s of scored.sets) console.log(show(name(s), [s], lexical));
  console.log(show('union', scored.sets, lexical));

  console.log('\nleave one set out: the threshold chosen on the other sets, on the one left out');
  const pooled: { tp: number; suggested: number; relevant: number; falseMatches: number; negatives: number } = { tp: 0, suggested: 0, relevant: 0, falseMatches: 0, negatives: 0 };
  for (const left of scored.sets) {
    const t = thresholdOn(
      scored.sets.filter((s) => s !== left),
      lexical,
      precisionTarget,
    );
    console.log(show(name(left), [left], t));
    // The left-out sets' suggestions pooled, each set at its own threshold.
    const { scores, labels, relevant } = lexicalScores([left], lexical);
    const r = suggestionsAt([left], lexical, t);
    pooled.suggested += scores.filter((x) => x >= t).length;
    pooled.tp += scores.filter((x, i) => x >= t && labels[i]).length;
    pooled.relevant += relevant;
    pooled.falseMatches += r.falseMatches;
    pooled.negatives += r.negatives;
  }
  console.log(
    `${'union, left out'.padEnd(22)}          precision ${f(pooled.suggested ? pooled.tp / pooled.suggested : 1)} recall ${f(pooled.tp / pooled.relevant)}; ` +
      `false-match rate ${f(pooled.falseMatches / pooled.negatives)} (${pooled.falseMatches}/${pooled.negatives})`,
  );

  const chosen = thresholdOn(scored.sets, lexical, precisionTarget);
  console.log(`\nchosen on all ${scored.sets.length} sets: ${chosen}`);
  for (const s of scored.sets) console.log(show(name(s), [s], chosen));
  console.log(show('union', scored.sets, chosen));
}

main();
