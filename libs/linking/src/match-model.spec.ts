import { MatchModel, fitLogistic, fitPlatt, fitPoolPlatt, logitOf, pairwiseDifferences, probabilityOf, precisionRecallAt, rocAuc, sigmoid, thresholdForPrecision } from './match-model';

describe('match model', () => {
  it("adds the trees to the linear score only for the languages they were learnt on", () => {
    const model: MatchModel = {
      features: ['bm25'],
      mean: [1],
      scale: [2],
      weights: [4],
      bias: 0.5,
      trees: [{ feature: [-1], threshold: [0], left: [-1], right: [-1], value: [0.25] }],
      treeLanguages: ['en'],
      platt: { a: 1, b: 0 },
      threshold: 0.5,
      precisionTarget: 0.9,
      trainedOn: '',
      dev: {},
    };
    expect(logitOf(model, [3], 'ar')).toBe(4.5);
    expect(logitOf(model, [3], null)).toBe(4.5);
    expect(logitOf(model, [3], 'en')).toBe(4.75);
    expect(logitOf(model, [3], 'en-GB')).toBe(4.75);
  });

  it('learns that the informative feature separates the classes and the noise does not', () => {
    // x0 decides the label (with some overlap), x1 is noise.
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 400; i++) {
      const label = i % 2;
      rows.push([label + ((i * 7919) % 100) / 80 - 0.6, ((i * 104729) % 97) / 97]);
      labels.push(label);
    }
    const fit = fitLogistic(rows, labels, { lambda: 0.1 });
    expect(fit.weights[0]).toBeGreaterThan(1);
    expect(Math.abs(fit.weights[1])).toBeLessThan(0.5);
  });

  it('learns the order within each query pairwise, whatever a query-wide feature says', () => {
    // x0 is the same for every candidate of a query (how easy the query is), x1 tells the right
    // candidate from the others within the query, but on a scale that differs between queries.
    const queries = Array.from({ length: 60 }, (_, q) =>
      Array.from({ length: 5 }, (_, i) => ({ features: [q % 7, (q % 3) + 1 + (i === 2 ? 0.5 : i * 0.05)], label: i === 2 ? 1 : 0 })),
    );
    const { rows, labels, weight } = pairwiseDifferences(queries);
    expect(rows).toHaveLength(60 * 4 * 2);
    expect(weight.slice(0, 8).reduce((a, b) => a + b, 0)).toBeCloseTo(2);
    const fit = fitLogistic(rows, labels, { lambda: 0.1, weight });
    expect(fit.weights[1]).toBeGreaterThan(1);
    expect(Math.abs(fit.weights[0])).toBeLessThan(1e-6);
    const score = (x: readonly number[]) => x.reduce((s, v, j) => s + (fit.weights[j] * v) / fit.scale[j], 0);
    for (const candidates of queries) {
      const best = candidates.reduce((a, b) => (score(b.features) > score(a.features) ? b : a));
      expect(best.label).toBe(1);
    }
  });

  it('calibrates scores so that the predicted probability matches the observed rate', () => {
    // Logit l is positive with probability sigmoid(2l - 1).
    const logits: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const l = (i % 200) / 40 - 2.5;
      logits.push(l);
      labels.push((i * 0.618034) % 1 < sigmoid(2 * l - 1) ? 1 : 0);
    }
    const { a, b } = fitPlatt(logits, labels);
    expect(a).toBeCloseTo(2, 0);
    expect(b).toBeCloseTo(-1, 0);
  });

  it('calibrates with the distance below the pool\'s best, and keeps the order within a pool', () => {
    // Only a pool's best candidate is ever right, the more often the higher its logit.
    const logits: number[] = [];
    const best: number[] = [];
    const labels: number[] = [];
    for (let q = 0; q < 400; q++) {
      const top = (q % 40) / 8 - 1;
      for (let i = 0; i < 4; i++) {
        logits.push(top - i * 0.4);
        best.push(top);
        labels.push(i === 0 && (q * 0.618034) % 1 < sigmoid(2 * top) ? 1 : 0);
      }
    }
    const platt = fitPoolPlatt(logits, best, labels);
    expect(platt.c).toBeGreaterThan(1);
    const model = { platt } as Parameters<typeof probabilityOf>[0];
    const auc = (p: (i: number) => number) => rocAuc(logits.map((_, i) => p(i)), labels);
    expect(auc((i) => probabilityOf(model, logits[i], best[i]))).toBeGreaterThan(auc((i) => probabilityOf({ platt: { ...fitPlatt(logits, labels) } } as typeof model, logits[i])));
    for (let i = 1; i < 4; i++) expect(probabilityOf(model, logits[i], best[i])).toBeLessThan(probabilityOf(model, logits[i - 1], best[i - 1]));
  });

  it('measures AUC and the threshold that reaches a precision', () => {
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(rocAuc([0.5, 0.5], [1, 0])).toBe(0.5);
    const scores = [0.95, 0.9, 0.8, 0.7, 0.6, 0.5];
    const labels = [1, 1, 1, 0, 1, 0];
    expect(thresholdForPrecision(scores, labels, 0.9, 5)).toEqual({ threshold: 0.8, precision: 1, recall: 0.6 });
    expect(thresholdForPrecision(scores, labels, 0.75, 5)).toEqual({ threshold: 0.6, precision: 0.8, recall: 0.8 });
    expect(precisionRecallAt(scores, labels, 0.6, 5)).toEqual({ precision: 0.8, recall: 0.8 });
  });
});
