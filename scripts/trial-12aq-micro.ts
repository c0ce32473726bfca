/**
 * Task 12aq trial: CPU cost of arabicPoolFeatures for a pool of 100 fresh Arabic texts (CheckThat!
 * AR 2021 claims, 100 others for each dev query in turn, so no text repeats within a round), the
 * queries being the dev tweets. Prints the median and p95 per pool over all rounds. Run the same
 * script from main's worktree and the branch's, alternating, to compare.
 *   node -r ./scripts/register-ts.cjs scripts/trial-12aq-micro.ts [DATASETS_DIR] [ROUNDS]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeForSearch } from '@isnad/text';
import { arabicPoolFeatures } from '@isnad/linking/arabic-match-features';
import { CollectionStats } from '@isnad/linking/match-features';

const dir = join(process.argv[2] ?? '/work/shared/datasets', 'clef2021-checkthat-task2a-ar');
const rounds = Number(process.argv[3] ?? 5);
const rows = (file: string) => readFileSync(join(dir, file), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
const claims = rows('vclaims_partial.tsv').map(([, claim, title]) => normalizeForSearch(`${claim} ${title ?? ''}`));
const queries = rows('CT2021-Task2A-AR-Dev_Queries.tsv').filter(([, text]) => text).map(([, text]) => normalizeForSearch(text));
const termsOf = (key: string) => new Map(key.split(' ').map((w): [string, number] => [w, 1]));
const df = new Map<string, number>();
for (const key of claims) for (const w of new Set(key.split(' '))) df.set(w, (df.get(w) ?? 0) + 1);
const stats: CollectionStats = { df, total: claims.length, averageLength: 20 };

const times: number[] = [];
let at = 0;
for (let round = 0; round < rounds; round++) {
  for (const query of queries) {
    const pool = Array.from({ length: 100 }, () => claims[at++ % claims.length]).map((key) => ({ key, terms: termsOf(key) }));
    const start = process.cpuUsage();
    arabicPoolFeatures({ key: query, terms: termsOf(query) }, pool, stats, stats);
    const used = process.cpuUsage(start);
    if (round > 0) times.push((used.user + used.system) / 1000);
  }
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
console.log(`${times.length} pools of 100: median ${q(0.5)} ms, p95 ${q(0.95)} ms (CPU)`);
