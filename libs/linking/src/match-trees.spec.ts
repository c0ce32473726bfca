import { RegressionTree, fitLambdaMart, lambdaGradients, roundedTree, sampleIndices, seededRandom, treesScore } from './match-trees';

// A query's candidates where the right claim is the one whose wording is neither too far nor too
// close (a copy with another figure is the near one): no weight on that feature orders them, a tree can.
function band(query: number): { features: number[]; label: number }[] {
  return [0.1, 0.3, 0.5, 0.7, 0.9].map((trigram, i) => ({ features: [trigram, (query * 7 + i) % 5], label: trigram === 0.5 ? 1 : 0 }));
}

describe('LambdaMART re-ranker trees', () => {
  it('walks a tree to the leaf the feature vector falls in', () => {
    const tree: RegressionTree = { feature: [0, -1, 1, -1, -1], threshold: [0.5, 0, 2, 0, 0], left: [1, -1, 3, -1, -1], right: [2, -1, 4, -1, -1], value: [0, -1, 0, 0.5, 2] };
    expect(treesScore([tree], [0.2, 9])).toBe(-1);
    expect(treesScore([tree], [0.8, 1])).toBe(0.5);
    expect(treesScore([tree, tree], [0.8, 3])).toBe(4);
  });

  it('pushes a right claim ranked below a wrong one up, and the wrong one down', () => {
    const gradient = new Float64Array(3);
    const hessian = new Float64Array(3);
    lambdaGradients([0, 1, 0], [2, 1, 0], gradient, hessian);
    expect(gradient[1]).toBeGreaterThan(0);
    expect(gradient[0]).toBeLessThan(0);
    expect(gradient[0]).toBeLessThan(gradient[2]);
    expect(hessian[1]).toBeGreaterThan(0);
  });

  it('leaves a query without any right claim out of the gradients', () => {
    const gradient = new Float64Array(2);
    lambdaGradients([0, 0], [1, 0], gradient, new Float64Array(2));
    expect([...gradient]).toEqual([0, 0]);
  });

  it('learns to rank the right claim first where a linear score cannot, the same way every time', () => {
    const queries = Array.from({ length: 40 }, (_, q) => band(q));
    const initial = queries.map((q) => q.map(() => 0));
    const options = { trees: 30, depth: 2, learningRate: 0.3, minLeaf: 5 };
    const trees = fitLambdaMart(queries, initial, options);
    const firstRight = band(99)
      .map((c) => ({ c, s: treesScore(trees, c.features) }))
      .sort((a, b) => b.s - a.s)[0].c;
    expect(firstRight.label).toBe(1);
    expect(fitLambdaMart(queries, initial, options)).toEqual(trees);
  });

  it('writes a tree to the model file so that every candidate falls in the leaf it fell in when trained', () => {
    // Coverages such as 1/7 and 4/7 are split points themselves; rounding them down to 6 decimals
    // would send every candidate with exactly that coverage to the other leaf.
    const queries = Array.from({ length: 40 }, (_, q) =>
      [1, 2, 3, 4, 5, 6].map((k) => ({ features: [k / 7, ((q + k) % 3) / 7], label: k === 4 ? 1 : 0 })),
    );
    const trees = fitLambdaMart(queries, queries.map((q) => q.map(() => 0)), { trees: 5, depth: 3, learningRate: 0.3, minLeaf: 5 });
    const written = (JSON.parse(JSON.stringify(trees.map((t) => roundedTree(t)))) as RegressionTree[]);
    for (const c of queries.flat()) expect(treesScore(written, c.features)).toBeCloseTo(treesScore(trees, c.features), 5);
  });

  it('stops when told to after a tree', () => {
    const queries = Array.from({ length: 10 }, (_, q) => band(q));
    const trees = fitLambdaMart(queries, queries.map((q) => q.map(() => 0)), { trees: 50, depth: 2, learningRate: 0.1, minLeaf: 2 }, (grown) => grown.length < 3);
    expect(trees).toHaveLength(3);
  });

  it('draws the same numbers for the same seed and others for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(8)).not.toEqual(draw(7));
    for (const x of draw(3)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('samples the share of the indices asked, each once, at least one, the same for a seed', () => {
    const sample = sampleIndices(40, 0.7, seededRandom(1));
    expect(sample).toHaveLength(28);
    expect(new Set(sample).size).toBe(28);
    expect(sample.every((i) => i >= 0 && i < 40)).toBe(true);
    expect(sample).toEqual([...sample].sort((a, b) => a - b));
    expect(sampleIndices(40, 0.7, seededRandom(1))).toEqual(sample);
    expect(sampleIndices(40, 0.7, seededRandom(2))).not.toEqual(sample);
    expect(sampleIndices(3, 0.01, seededRandom(1))).toHaveLength(1);
  });

  it('grows each tree on whole sampled pools when subsampling the queries', () => {
    // Two pools that disagree: in one the right claim has the higher second feature, in the other the
    // lower. A tree grown on both cannot rank both; a tree grown on one whole pool ranks that one.
    const pool = (rightHigh: boolean) => [0.2, 0.4, 0.6, 0.8].map((x) => ({ features: [0, x], label: (x === 0.8) === rightHigh ? 1 : 0 }));
    const queries = [pool(true), pool(false)];
    const learnt = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const [tree] = fitLambdaMart(queries, queries.map((q) => q.map(() => 0)), { trees: 1, depth: 2, learningRate: 1, minLeaf: 1, subsample: 0.5, seed });
      const ranksFirst = queries.map((q) => q.reduce((best, c) => (treesScore([tree], c.features) > treesScore([tree], best.features) ? c : best)).label === 1);
      // Exactly one pool's right claim comes first: the tree saw that pool whole and nothing of the other.
      expect(ranksFirst.filter(Boolean)).toHaveLength(1);
      learnt.add(ranksFirst[0] ? 'first' : 'second');
    }
    expect(learnt).toEqual(new Set(['first', 'second']));
  });

  it('lets each tree split on its sampled share of the features only, the same trees for the same seed', () => {
    const queries = Array.from({ length: 40 }, (_, q) => band(q).map((c) => ({ ...c, features: [...c.features, c.features[0]] })));
    const initial = queries.map((q) => q.map(() => 0));
    const options = { trees: 10, depth: 3, learningRate: 0.3, minLeaf: 5, featureFraction: 0.34, seed: 4 };
    const trees = fitLambdaMart(queries, initial, options);
    for (const tree of trees) expect(new Set(tree.feature.filter((f) => f >= 0)).size).toBeLessThanOrEqual(1);
    expect(new Set(trees.flatMap((t) => t.feature.filter((f) => f >= 0))).size).toBeGreaterThan(1);
    expect(fitLambdaMart(queries, initial, options)).toEqual(trees);
    expect(fitLambdaMart(queries, initial, { ...options, seed: 5 })).not.toEqual(trees);
  });
});
