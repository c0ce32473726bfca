/**
 * Five-fold cross-validation of the re-ranker over the train queries of a features file that
 * `npm run train:matcher -- --features FILE` wrote (no database, a few seconds):
 *
 *   node -r ./scripts/register-ts.cjs scripts/cross-validate-matcher.ts FILE [--language ar] [--columns 0-20,22] [--lambda 0.01]
 *
 * The train queries (with a right claim in their pool: the pools stripped of it are left out, as
 * the train script leaves them out of learning) are dealt into five folds by their order in the
 * file; a pointwise logistic regression (L2 --lambda, 0.01 as the Arabic model's) is fitted on four
 * and the MAP@5 of the fifth's pools measured; the mean over the held-out queries is printed, and the
 * dev MAP@5 of the model fitted on all train queries. --columns keeps those feature columns (to
 * compare a feature's presence with its absence on one extraction). Test splits are never in the file.
 */
import { readFileSync } from 'node:fs';
import { MatchModel, fitLogistic, logitOf, mean, poolAveragePrecisionAt } from '@isnad/linking';

interface Example {
  language: string;
  split: 'train' | 'dev';
  relevant: number;
  noMatch?: boolean;
  candidates: { features: number[]; label: number }[];
}

const FOLDS = 5;

function columnsOf(spec: string | undefined, width: number): number[] {
  if (!spec) return [...Array(width).keys()];
  return spec.split(',').flatMap((part) => {
    const [from, to] = part.split('-').map(Number);
    return to === undefined ? [from] : [...Array(to - from + 1).keys()].map((i) => from + i);
  });
}

function fitted(queries: Example[], lambda: number): MatchModel {
  const rows = queries.flatMap((q) => q.candidates);
  const fit = fitLogistic(
    rows.map((c) => c.features),
    rows.map((c) => c.label),
    { lambda },
  );
  return { features: [], ...fit, platt: { a: 1, b: 0 }, threshold: 0.5, precisionTarget: 0.9, trainedOn: '', dev: {} };
}

function averagePrecision(q: Example, model: MatchModel): number {
  return poolAveragePrecisionAt(
    5,
    q.candidates.map((c) => logitOf(model, c.features)),
    q.candidates.map((c) => c.label),
    q.relevant,
  );
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!file) throw new Error('usage: cross-validate-matcher.ts FILE [--language ar] [--columns 0-20,22] [--lambda 0.01]');
  const language = option('--language');
  const lambda = Number(option('--lambda') ?? 0.01);
  let examples: Example[] = (JSON.parse(readFileSync(file, 'utf8')) as Example[]).filter((q) => !q.noMatch && (!language || q.language === language));
  const columns = columnsOf(option('--columns'), examples[0]?.candidates[0]?.features.length ?? 0);
  examples = examples.map((q) => ({ ...q, candidates: q.candidates.map((c) => ({ ...c, features: columns.map((j) => c.features[j]) })) }));
  const train = examples.filter((q) => q.split === 'train');
  const dev = examples.filter((q) => q.split === 'dev');
  const heldOut: number[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = fitted(
      train.filter((_, i) => i % FOLDS !== fold),
      lambda,
    );
    heldOut.push(...train.filter((_, i) => i % FOLDS === fold).map((q) => averagePrecision(q, model)));
  }
  const all = fitted(train, lambda);
  console.log(
    `${file} columns ${option('--columns') ?? 'all'} (${columns.length}): train ${FOLDS}-fold CV MAP@5 ${mean(heldOut).toFixed(4)} (${train.length} queries); dev MAP@5 ${mean(dev.map((q) => averagePrecision(q, all))).toFixed(4)} (${dev.length} queries)`,
  );
}

main();
