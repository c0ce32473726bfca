/**
 * Task 12aq trial: recomputes rootSharedQueryShare from the texts for every candidate of a features
 * file (`train:matcher --language ar --features FILE`), checks it against the extracted column, and
 * writes FILE.variants.json with variant columns appended (for cross-validate-matcher --columns):
 *   23 the share as shipped (recomputed), 24 a 0/1 flag, 25 with query words of three letters,
 *   26 the share of the query words the candidate lacks by stem, 27 weighted by the root's IDF in
 *   the collection.
 *   node -r ./scripts/register-ts.cjs scripts/trial-12aq-variants.ts FILE [DATASETS_DIR]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { arabicRoot, hashtagWords, normalizeForSearch } from '@isnad/text';
import { ARABIC_FEATURE_NAMES, rootSharedQueryShare, withoutLinkWords } from '@isnad/linking/arabic-match-features';
import { FEATURE_NAMES, STOP_STEMS } from '@isnad/linking/match-features';
import { lightStem } from '@isnad/linking/match-scoring';
import { arabicReranking } from './checkthat-data';

interface QueryExample { split: string; queryId?: string; candidates: { features: number[]; claimId?: string }[] }
const file = process.argv[2];
const data = arabicReranking(process.argv[3] ?? '/work/shared/datasets');
if (!data) throw new Error('no AR 2021 set');
const keyOf = (text: string) => normalizeForSearch([text, ...hashtagWords(text)].join(' '));
const claims = new Map(data.claims.map((c) => [c.id, keyOf(c.text)]));
const queries = new Map<string, string>();
for (const s of [data.splits.train, data.splits.dev]) for (const [id, text] of s?.queries ?? []) queries.set(id, keyOf(text));

const arabic = (w: string) => /^[\u0621-\u064a]/u.test(w);
const rootOf = (w: string) => {
  const r = arabicRoot(w);
  return r.length >= 3 ? r : null;
};
const rootDf = new Map<string, number>();
for (const key of claims.values()) for (const r of new Set(key.split(' ').filter((w) => w.length >= 3 && arabic(w)).map(rootOf))) if (r) rootDf.set(r, (rootDf.get(r) ?? 0) + 1);
const idf = (root: string) => Math.log(1 + claims.size / (rootDf.get(root) ?? 1));

function variants(queryKey: string, candidateKey: string): number[] {
  const cw = candidateKey.split(' ').filter((w) => w.length >= 3 && arabic(w));
  const cStems = new Set(cw.map(lightStem));
  const cRoots = new Set(cw.map(rootOf));
  const words = (min: number) =>
    withoutLinkWords(queryKey)
      .filter((w) => arabic(w) && w.length >= min && !STOP_STEMS.has(lightStem(w)))
      .map((w) => ({ stem: lightStem(w), root: rootOf(w) }));
  const held = (w: { stem: string; root: string | null }) => !cStems.has(w.stem) && !!w.root && cRoots.has(w.root);
  const four = words(4);
  const three = words(3);
  const lacking = four.filter((w) => !cStems.has(w.stem));
  const weight = (w: { root: string | null }) => (w.root ? idf(w.root) : Math.log(1 + claims.size));
  const total = four.reduce((s, w) => s + weight(w), 0);
  return [
    rootSharedQueryShare(queryKey, candidateKey),
    four.some(held) ? 1 : 0,
    three.length ? three.filter(held).length / three.length : 0,
    lacking.length ? lacking.filter(held).length / lacking.length : 0,
    total ? four.filter(held).reduce((s, w) => s + weight(w), 0) / total : 0,
  ];
}

const examples: QueryExample[] = JSON.parse(readFileSync(file, 'utf8'));
const at = FEATURE_NAMES.length + ARABIC_FEATURE_NAMES.indexOf('rootSharedQueryShare');
let same = 0;
let all = 0;
let rightAbove = 0;
let rights = 0;
let wrongAbove = 0;
const out = examples.map((q) => ({
  ...q,
  candidates: q.candidates.map((c) => {
    const v = variants(queries.get(q.queryId ?? '') ?? '', claims.get(c.claimId ?? '') ?? '');
    all++;
    if (Math.abs(v[0] - c.features[at]) < 1e-9) same++;
    const label = (c as { label?: number }).label;
    if (label) { rights++; if (c.features[at] > 0) rightAbove++; } else if (c.features[at] > 0) wrongAbove++;
    return { ...c, features: [...c.features, ...v] };
  }),
}));
console.log(`recomputed equal to the extracted column on ${same} of ${all} candidates`);
console.log(`above 0: right ${rightAbove} of ${rights}, wrong ${wrongAbove} of ${all - rights}`);
writeFileSync(`${file}.variants.json`, JSON.stringify(out));
