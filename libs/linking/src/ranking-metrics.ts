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

/** Share of the relevant items found in the first k. */
export function recallAt(k: number, ranked: readonly string[], relevant: ReadonlySet<string>): number {
  if (!relevant.size) return 0;
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;
}

/** Mean of the values, 0 for none. */
export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}
