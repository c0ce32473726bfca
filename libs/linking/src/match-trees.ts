/**
 * LambdaMART: gradient-boosted regression trees that learn the order of candidates within a query,
 * added to the linear model's logit (match-model.ts). Each tree is fitted to the LambdaRank
 * gradients of NDCG, so the trees correct the orderings the linear model gets wrong; split points
 * come from feature quantiles. Without sampling (subsample, featureFraction) nothing is random; with
 * it, a seeded generator draws the samples, so training is deterministic either way. Pure functions.
 */

/**
 * One regression tree as parallel node arrays: node i splits on `feature[i]` (x <= threshold[i]
 * goes to left[i], else right[i]); a node with feature -1 is a leaf worth value[i]. Node 0 is the root.
 */
export interface RegressionTree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

/** A candidate of a training query: its features, its label (1 relevant, 0 not) and its current score. */
export interface RankingExample {
  features: readonly number[];
  label: number;
}

export interface LambdaMartOptions {
  trees: number;
  /** Depth of each tree (2^depth leaves at most). */
  depth: number;
  learningRate: number;
  /** Fewest candidates in a leaf. */
  minLeaf: number;
  /** L2 penalty on leaf values (in the Newton step's denominator). */
  lambda?: number;
  /** Quantile split points tried per feature. */
  bins?: number;
  /** Share of the queries (whole pools) each tree is grown on, drawn anew per tree (stochastic gradient boosting); 1: all. */
  subsample?: number;
  /** Share of the features each tree may split on, drawn anew per tree; 1: all. */
  featureFraction?: number;
  /** Seed of the generator that draws those samples. */
  seed?: number;
}

/** A seeded generator of uniform numbers in [0, 1) (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random `fraction` of the indices 0..count-1 (at least one, rounded), in increasing order. */
export function sampleIndices(count: number, fraction: number, random: () => number): number[] {
  const all = Array.from({ length: count }, (_, i) => i);
  const size = Math.min(count, Math.max(1, Math.round(fraction * count)));
  // A partial Fisher-Yates shuffle: the first `size` places are a uniform sample.
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (count - i));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, size).sort((a, b) => a - b);
}

/** What one tree ensemble adds to a feature vector's score. */
export function treesScore(trees: readonly RegressionTree[], x: readonly number[]): number {
  let score = 0;
  for (const tree of trees) {
    let node = 0;
    while (tree.feature[node] >= 0) node = x[tree.feature[node]] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
    score += tree.value[node];
  }
  return score;
}

/**
 * The tree as a model file keeps it: leaf values rounded to `digits` decimals, split thresholds as
 * they are. A threshold is a feature value seen in training (a coverage of 1/7, a gap of 0.0571578)
 * that many candidates share exactly; rounded down, it would send them all to the other side.
 */
export function roundedTree(tree: RegressionTree, digits = 6): RegressionTree {
  const scale = 10 ** digits;
  return { ...tree, value: tree.value.map((v) => Math.round(v * scale) / scale) };
}

/** Split points of one feature: up to `bins` - 1 distinct quantiles of its values. */
function cutPoints(values: Float64Array, bins: number): number[] {
  const sorted = Float64Array.from(values).sort();
  const cuts: number[] = [];
  for (let b = 1; b < bins; b++) {
    const v = sorted[Math.floor((b * sorted.length) / bins)];
    if (v !== undefined && v !== cuts[cuts.length - 1] && v < sorted[sorted.length - 1]) cuts.push(v);
  }
  return cuts;
}

/**
 * The LambdaRank gradients (into `gradient`, to ascend) and their second-order weights (into
 * `hessian`) of one query's candidates at their current scores: for each relevant candidate and
 * each other one, the pair's logistic loss weighted by how much swapping them changes the query's NDCG.
 */
export function lambdaGradients(labels: ArrayLike<number>, scores: ArrayLike<number>, gradient: Float64Array, hessian: Float64Array, offset = 0): void {
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const rank = new Array<number>(n);
  order.forEach((i, r) => (rank[i] = r));
  let positives = 0;
  for (let i = 0; i < n; i++) if (labels[i] > 0) positives++;
  if (!positives || positives === n) return;
  let ideal = 0;
  for (let r = 0; r < positives; r++) ideal += 1 / Math.log2(r + 2);
  for (let i = 0; i < n; i++) {
    if (labels[i] <= 0) continue;
    for (let j = 0; j < n; j++) {
      if (labels[j] > 0) continue;
      const delta = Math.abs(1 / Math.log2(rank[i] + 2) - 1 / Math.log2(rank[j] + 2)) / ideal;
      const rho = 1 / (1 + Math.exp(scores[i] - scores[j]));
      gradient[offset + i] += delta * rho;
      gradient[offset + j] -= delta * rho;
      const w = delta * rho * (1 - rho);
      hessian[offset + i] += w;
      hessian[offset + j] += w;
    }
  }
}

/**
 * Fits `options.trees` LambdaMART trees to the queries, starting from the scores `initial` (one per
 * candidate, e.g. the linear logit). `afterTree` sees the ensemble after each tree (to follow a dev
 * measure); training stops early when it returns false.
 */
export function fitLambdaMart(
  queries: readonly (readonly RankingExample[])[],
  initial: readonly (readonly number[])[],
  options: LambdaMartOptions,
  afterTree?: (trees: RegressionTree[]) => boolean | void,
): RegressionTree[] {
  const rows = queries.flat();
  const n = rows.length;
  const d = rows[0]?.features.length ?? 0;
  const bins = options.bins ?? 64;
  const leafPenalty = options.lambda ?? 1;
  const cuts: number[][] = [];
  const binned: Uint8Array[] = [];
  for (let f = 0; f < d; f++) {
    const values = Float64Array.from(rows, (r) => r.features[f]);
    const c = cutPoints(values, bins);
    cuts.push(c);
    binned.push(
      Uint8Array.from(values, (v) => {
        let lo = 0;
        let hi = c.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (v <= c[mid]) hi = mid;
          else lo = mid + 1;
        }
        return lo;
      }),
    );
  }
  const scores = Float64Array.from(initial.flat());
  const labels = Float64Array.from(rows, (r) => r.label);
  const starts: number[] = [];
  let at = 0;
  for (const q of queries) {
    starts.push(at);
    at += q.length;
  }
  const subsample = options.subsample ?? 1;
  const featureFraction = options.featureFraction ?? 1;
  // Drawn from only when sampling, so that a run without it is the deterministic one it always was.
  const random = seededRandom(options.seed ?? 1);
  const everyQuery = queries.map((_, k) => k);
  const everyFeature = Array.from({ length: d }, (_, f) => f);
  const trees: RegressionTree[] = [];
  for (let t = 0; t < options.trees; t++) {
    const gradient = new Float64Array(n);
    const hessian = new Float64Array(n);
    // A query left out of this tree's sample keeps zero gradients, so none of its rows reaches the tree.
    const sampled = subsample < 1 ? sampleIndices(queries.length, subsample, random) : everyQuery;
    for (const k of sampled) {
      const s = starts[k];
      const length = queries[k].length;
      lambdaGradients(labels.subarray(s, s + length), scores.subarray(s, s + length), gradient, hessian, s);
    }
    const features = featureFraction < 1 ? sampleIndices(d, featureFraction, random) : everyFeature;
    const tree = growTree(binned, cuts, gradient, hessian, options, leafPenalty, features);
    tree.value = tree.value.map((v) => v * options.learningRate);
    for (let i = 0; i < n; i++) scores[i] += treesScore([tree], rows[i].features);
    trees.push(tree);
    if (afterTree && afterTree(trees) === false) break;
  }
  return trees;
}

/** One tree, grown depth-first: at each node the histogram split, on one of `features`, with the largest Newton gain. */
function growTree(
  binned: Uint8Array[],
  cuts: number[][],
  gradient: Float64Array,
  hessian: Float64Array,
  options: LambdaMartOptions,
  leafPenalty: number,
  features: readonly number[],
): RegressionTree {
  const tree: RegressionTree = { feature: [], threshold: [], left: [], right: [], value: [] };
  const all = Uint32Array.from({ length: gradient.length }, (_, i) => i).filter((i) => gradient[i] !== 0 || hessian[i] !== 0);
  const grow = (members: Uint32Array, depth: number): number => {
    const node = tree.feature.length;
    let g = 0;
    let h = 0;
    for (const i of members) {
      g += gradient[i];
      h += hessian[i];
    }
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(g / (h + leafPenalty));
    if (depth >= options.depth || members.length < 2 * options.minLeaf) return node;
    const parentGain = (g * g) / (h + leafPenalty);
    let best = { gain: 1e-9, feature: -1, bin: -1 };
    for (const f of features) {
      const size = cuts[f].length + 1;
      if (size < 2) continue;
      const hg = new Float64Array(size);
      const hh = new Float64Array(size);
      const hc = new Uint32Array(size);
      const column = binned[f];
      for (const i of members) {
        const b = column[i];
        hg[b] += gradient[i];
        hh[b] += hessian[i];
        hc[b]++;
      }
      let lg = 0;
      let lh = 0;
      let lc = 0;
      for (let b = 0; b < size - 1; b++) {
        lg += hg[b];
        lh += hh[b];
        lc += hc[b];
        if (lc < options.minLeaf || members.length - lc < options.minLeaf) continue;
        const gain = (lg * lg) / (lh + leafPenalty) + ((g - lg) * (g - lg)) / (h - lh + leafPenalty) - parentGain;
        if (gain > best.gain) best = { gain, feature: f, bin: b };
      }
    }
    if (best.feature < 0) return node;
    const column = binned[best.feature];
    const leftMembers = members.filter((i) => column[i] <= best.bin);
    const rightMembers = members.filter((i) => column[i] > best.bin);
    tree.feature[node] = best.feature;
    tree.threshold[node] = cuts[best.feature][best.bin];
    tree.value[node] = 0;
    tree.left[node] = grow(leftMembers, depth + 1);
    tree.right[node] = grow(rightMembers, depth + 1);
    return node;
  };
  grow(all, 0);
  return tree;
}
