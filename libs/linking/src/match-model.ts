/**
 * The learned re-ranker: a logistic regression over the pair features (match-features.ts), with
 * LambdaMART trees (match-trees.ts) added to its logit for English queries, then Platt scaling so
 * that the score is a calibrated probability that two texts state the same claim, and the
 * suggestion threshold chosen for a stated precision. Trained and calibrated by
 * `npm run train:matcher` (scripts/train-match-model.ts) on CheckThat! train and dev splits only;
 * the model is a small JSON file committed beside this one and read once when the module loads.
 */
import { primaryLanguage } from '@isnad/text';
import { FEATURE_NAMES } from './match-features';
import { RegressionTree, treesScore } from './match-trees';

export interface MatchModel {
  features: string[];
  /** Standardisation: (x - mean) / scale, per feature. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** LambdaMART trees fitted on top of the linear score (match-trees.ts); their sum is added to it. */
  trees?: RegressionTree[];
  /**
   * The query languages the trees score (others get the linear score alone): those with enough
   * training pools to learn them from (CheckThat!'s Arabic train pairs hold 2 candidates a query).
   */
  treeLanguages?: string[];
  /**
   * Platt scaling of the logit, with the candidate's distance below the best logit of its pool:
   * p = 1 / (1 + exp(-(a * logit + c * (logit - best) + b))). A pairwise model's logit orders a
   * pool well but says little on its own about how sure the best one is; c (0 when absent) lets the
   * calibration see that. With a + c > 0 the order within a pool is the logit's.
   */
  platt: { a: number; b: number; c?: number };
  /** The calibrated score from which a match is suggested, and what it reached on the dev data. */
  threshold: number;
  precisionTarget: number;
  trainedOn: string;
  dev: Record<string, number>;
}

/** The model's score (log-odds before calibration) of one feature vector for a query in `language`: linear, plus its trees. */
export function logitOf(model: MatchModel, x: readonly number[], language: string | null = null): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) z += (model.weights[i] * (x[i] - model.mean[i])) / model.scale[i];
  return model.trees && language && model.treeLanguages?.includes(primaryLanguage(language)) ? z + treesScore(model.trees, x) : z;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** The calibrated probability that the pair states the same claim, given the best logit of its pool. */
export function probabilityOf(model: MatchModel, logit: number, bestLogit: number = logit): number {
  const { a, b, c = 0 } = model.platt;
  return sigmoid(a * logit + c * (logit - bestLogit) + b);
}

/**
 * Fits a logistic regression with L2 penalty `lambda` by Newton's method (IRLS) on standardised
 * features; `weight` lets each query count once however many candidates it has.
 */
export function fitLogistic(
  rows: readonly number[][],
  labels: readonly number[],
  options: { lambda: number; weight?: readonly number[]; iterations?: number },
): { mean: number[]; scale: number[]; weights: number[]; bias: number } {
  const d = rows[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const x of rows) x.forEach((v, j) => (mean[j] += v / rows.length));
  for (const x of rows) x.forEach((v, j) => (scale[j] += (v - mean[j]) ** 2 / rows.length));
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]) || 1;
  const z = rows.map((x) => [1, ...x.map((v, j) => (v - mean[j]) / scale[j])]);
  const w = options.weight ?? rows.map(() => 1);
  let beta = new Array<number>(d + 1).fill(0);
  for (let iteration = 0; iteration < (options.iterations ?? 25); iteration++) {
    const gradient = new Array<number>(d + 1).fill(0);
    const hessian = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    z.forEach((x, i) => {
      const p = sigmoid(x.reduce((s, v, j) => s + v * beta[j], 0));
      const r = w[i] * p * (1 - p);
      for (let j = 0; j <= d; j++) {
        gradient[j] += w[i] * (labels[i] - p) * x[j];
        for (let k = 0; k <= j; k++) hessian[j][k] += r * x[j] * x[k];
      }
    });
    for (let j = 1; j <= d; j++) {
      gradient[j] -= options.lambda * beta[j];
      hessian[j][j] += options.lambda;
    }
    for (let j = 0; j <= d; j++) for (let k = j + 1; k <= d; k++) hessian[j][k] = hessian[k][j];
    const step = solve(hessian, gradient);
    beta = beta.map((b, j) => b + step[j]);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { mean, scale, weights: beta.slice(1), bias: beta[0] };
}

/**
 * Training rows of a pairwise objective: for every query, the feature difference of each relevant
 * candidate and each other one, both ways round (label 1, then 0), weighted so that each query
 * counts once. A logistic regression on them learns only the order within a query (what MAP
 * rewards); its weights then score single candidates.
 */
export function pairwiseDifferences(queries: readonly (readonly { features: readonly number[]; label: number }[])[]): {
  rows: number[][];
  labels: number[];
  weight: number[];
} {
  const rows: number[][] = [];
  const labels: number[] = [];
  const weight: number[] = [];
  for (const candidates of queries) {
    const positives = candidates.filter((c) => c.label);
    const negatives = candidates.filter((c) => !c.label);
    const share = 1 / (positives.length * negatives.length);
    for (const p of positives) {
      for (const o of negatives) {
        const difference = p.features.map((v, j) => v - o.features[j]);
        rows.push(difference, difference.map((v) => -v));
        labels.push(1, 0);
        weight.push(share, share);
      }
    }
  }
  return { rows, labels, weight };
}

/** Platt scaling: a and b of p = sigmoid(a * logit + b), fitted by maximum likelihood. */
export function fitPlatt(logits: readonly number[], labels: readonly number[]): { a: number; b: number } {
  const fit = fitLogistic(
    logits.map((l) => [l]),
    labels,
    { lambda: 1e-6 },
  );
  const a = fit.weights[0] / fit.scale[0];
  return { a, b: fit.bias - a * fit.mean[0] };
}

/**
 * Platt scaling with the pool: a, c and b of p = sigmoid(a * logit + c * (logit - best) + b), fitted
 * by maximum likelihood; plain Platt scaling (c = 0) if the fit would not keep the logit's order.
 */
export function fitPoolPlatt(logits: readonly number[], bestLogits: readonly number[], labels: readonly number[]): { a: number; b: number; c: number } {
  const fit = fitLogistic(
    logits.map((l, i) => [l, l - bestLogits[i]]),
    labels,
    { lambda: 1e-6 },
  );
  const [a, c] = fit.weights.map((w, j) => w / fit.scale[j]);
  if (a + c <= 0) return { ...fitPlatt(logits, labels), c: 0 };
  return { a, c, b: fit.bias - a * fit.mean[0] - c * fit.mean[1] };
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and symmetric). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    const p = m[col][col] || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col] / p;
      for (let k = col; k <= n; k++) m[r][k] -= f * m[col][k];
    }
  }
  return m.map((row, i) => row[n] / (row[i] || 1e-12));
}

/** Area under the ROC curve of scores for positives (label 1) against negatives (label 0). */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => [s, labels[i]]).sort((x, y) => x[0] - y[0]);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j][0] === order[i][0]) j++;
    const averageRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (order[k][1]) (rankSum += averageRank), positives++;
    i = j;
  }
  const negatives = order.length - positives;
  return positives && negatives ? (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives) : 0;
}

/**
 * The lowest threshold at which the suggestions (pairs scored at or above it) reach `precision`,
 * with the precision and recall there; recall counts `totalRelevant`, found or not.
 */
export function thresholdForPrecision(
  scores: readonly number[],
  labels: readonly number[],
  precision: number,
  totalRelevant: number,
): { threshold: number; precision: number; recall: number } {
  const order = scores.map((s, i) => [s, labels[i]]).sort((x, y) => y[0] - x[0]);
  let hits = 0;
  let best = { threshold: 1, precision: 1, recall: 0 };
  order.forEach(([score, label], i) => {
    hits += label;
    const next = order[i + 1]?.[0];
    if (next === score) return;
    const p = hits / (i + 1);
    if (p >= precision) best = { threshold: score, precision: p, recall: hits / Math.max(totalRelevant, 1) };
  });
  return best;
}

/** Precision and recall of the pairs scored at or above `threshold`. */
export function precisionRecallAt(scores: readonly number[], labels: readonly number[], threshold: number, totalRelevant: number): { precision: number; recall: number } {
  let suggested = 0;
  let hits = 0;
  scores.forEach((s, i) => {
    if (s >= threshold) {
      suggested++;
      hits += labels[i];
    }
  });
  return { precision: suggested ? hits / suggested : 1, recall: hits / Math.max(totalRelevant, 1) };
}

/** Checks that a model (a committed match-weights file, imported once) was trained on today's features. */
export function checkedMatchModel(model: MatchModel, features: readonly string[] = FEATURE_NAMES): MatchModel {
  if (model.features.join() !== features.join()) {
    throw new Error(`The match model was trained on other features (${model.features.join()}); run npm run train:matcher`);
  }
  return model;
}
