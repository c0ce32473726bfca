import { averagePrecisionAt, mean, poolAveragePrecisionAt, recallAt } from './ranking-metrics';

describe('ranking metrics', () => {
  const relevant = new Set(['a', 'b']);

  it('averages precision at the ranks of the relevant items found in the first k', () => {
    expect(averagePrecisionAt(5, ['a', 'x', 'b'], relevant)).toBeCloseTo((1 + 2 / 3) / 2);
    expect(averagePrecisionAt(5, ['x', 'a'], new Set(['a']))).toBe(0.5);
    expect(averagePrecisionAt(1, ['x', 'a'], new Set(['a']))).toBe(0);
    expect(averagePrecisionAt(5, [], relevant)).toBe(0);
  });

  it("orders a pool by its scores, ties in the pool's order, and counts the right claims the pool missed", () => {
    // The right candidate (index 2) scores second: precision 1/2 at rank 2.
    expect(poolAveragePrecisionAt(5, [0.9, 0.1, 0.5], [0, 0, 1], 1)).toBe(0.5);
    // A tie keeps the pool's order: index 0 (right) before index 1.
    expect(poolAveragePrecisionAt(5, [0.5, 0.5], [1, 0], 1)).toBe(1);
    // Two right claims, one outside the pool: found first, half the average precision.
    expect(poolAveragePrecisionAt(5, [0.9, 0.1], [1, 0], 2)).toBe(0.5);
  });

  it('counts recall at k over all relevant items', () => {
    expect(recallAt(1, ['a', 'b'], relevant)).toBe(0.5);
    expect(recallAt(5, ['x', 'b', 'a'], relevant)).toBe(1);
    expect(mean([])).toBe(0);
    expect(mean([1, 0])).toBe(0.5);
  });
});
