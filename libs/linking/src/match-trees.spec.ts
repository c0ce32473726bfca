import { RegressionTree, fitLambdaMart, lambdaGradients, roundedTree, treesScore } from './match-trees';

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
});
