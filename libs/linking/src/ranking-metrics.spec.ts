import { averagePrecisionAt, mean, recallAt } from './ranking-metrics';

describe('ranking metrics', () => {
  const relevant = new Set(['a', 'b']);

  it('averages precision at the ranks of the relevant items found in the first k', () => {
    expect(averagePrecisionAt(5, ['a', 'x', 'b'], relevant)).toBeCloseTo((1 + 2 / 3) / 2);
    expect(averagePrecisionAt(5, ['x', 'a'], new Set(['a']))).toBe(0.5);
    expect(averagePrecisionAt(1, ['x', 'a'], new Set(['a']))).toBe(0);
    expect(averagePrecisionAt(5, [], relevant)).toBe(0);
  });

  it('counts recall at k over all relevant items', () => {
    expect(recallAt(1, ['a', 'b'], relevant)).toBe(0.5);
    expect(recallAt(5, ['x', 'b', 'a'], relevant)).toBe(1);
    expect(mean([])).toBe(0);
    expect(mean([1, 0])).toBe(0.5);
  });
});
