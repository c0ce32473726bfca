/**
 * Retrieval metrics as the CheckThat! scorer (trectools) computes them, for one query at a time;
 * the caller averages over queries that have relevant items.
 */

/** Average precision at k: Σ over relevant ranks i ≤ k of P@i, divided by the number relevant. */
export function averagePrecisionAt(k: number, ranked: readonly string[], relevant: ReadonlySet<string>): number {
  if (!relevant.size) return 0;
  let hits = 0;
  let sum = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / relevant.size;
}

/**
 * Average precision at k of a pool of candidates ordered by `scores` (best first; ties keep the pool's
 * order), `labels` marking the right ones; `relevant` counts the right items in all, those the pool
 * missed too (they stay in the denominator).
 */
export function poolAveragePrecisionAt(k: number, scores: readonly number[], labels: readonly number[], relevant: number): number {
  const ranked = scores.map((score, i) => ({ i, score })).sort((a, b) => b.score - a.score || a.i - b.i);
  const right = new Set(labels.flatMap((label, i) => (label ? [String(i)] : [])));
  for (let missing = right.size; missing < relevant; missing++) right.add(`missing-${missing}`);
  return averagePrecisionAt(k, ranked.map((c) => String(c.i)), right);
}

/** Share of the relevant items found in the first k. */
export function recallAt(k: number, ranked: readonly string[], relevant: ReadonlySet<string>): number {
  if (!relevant.size) return 0;
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;
}

/** Mean of the values, 0 for none. */
export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}
