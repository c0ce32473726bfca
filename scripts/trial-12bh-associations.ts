/**
 * Task 12bh trial: English word associations learnt from the data (IBM Model 1 between a tweet's
 * stems and a fact-check's), as re-ranker columns. Not used by the product.
 *
 *   TABLE=title|tweet|both node -r ./scripts/register-ts.cjs scripts/trial-12bh-associations.ts FEATURES DATASETS_DIR OUT
 *     reads the extracted features (train:matcher --features), appends four columns to every
 *     candidate (0 for non-English pools) and writes OUT, for
 *     `train:matcher --features OUT --extra-columns tmClaimGivenTweet,tmTweetGivenClaim,tmUnsharedTweet,tmUnsharedClaim`.
 *   MODE=diagnose TABLE=… … FEATURES DATASETS_DIR   each stem's mean contribution to the unshared-word
 *     columns, right against wrong dev candidates, and the table's top associations of a few words.
 *   MODE=compare … FEATURES_A MODEL_A FEATURES_B MODEL_B DATASETS_DIR   dev queries whose AP@5 moves.
 *   COLUMNS=0,1 writes only those of the four columns; PRUNE_TOP=5 PRUNE_MIN=0.05 prunes the title
 *   table (cached in .cache/trial-12bh-title-*.json once learnt) as a shipped file would.
 *
 * Tables (IBM Model 1, EM_ROUNDS rounds from uniform, a null word on the source side), over the light
 * stems (lightStem) of the search keys' words, without link words, STOP_STEMS, one-letter words and
 * numbers:
 *   title: each collection claim ↔ its own fact-check title (and subtitle), both directions, no labels;
 *   tweet: each train tweet (with its hashtags' words) ↔ its right claims (as the matcher indexes them);
 *   both:  ½ tweet + ½ title (a source word one table lacks takes the other's row whole).
 * No leak: a train query's columns come from a tweet table learnt without its fold (FOLDS folds by a
 * hash of the query id: EN 2022's twin pools share a fold); dev pools from a table of all the train pairs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_NAMES, MatchModel, STOP_STEMS, lightStem, logitOf, mean, poolAveragePrecisionAt } from '@isnad/linking';
import { hashtagWords, normalizeForSearch } from '@isnad/text';
import { englishTrainingCollections, readTsv } from './checkthat-data';
import { foldOf, type QueryExample } from './train-match-model';

export const TM_COLUMNS = ['tmClaimGivenTweet', 'tmTweetGivenClaim', 'tmUnsharedTweet', 'tmUnsharedClaim'];
const EM_ROUNDS = Number(process.env.EM_ROUNDS ?? 8);
const FOLDS = 5;
// Rows kept per source word after EM (the highest probabilities), and the smallest kept.
const ROW_TOP = Number(process.env.ROW_TOP ?? 50);
const ROW_MIN = 0.001;
const LINK_WORDS = new Set(['http', 'https', 'www', 't', 'co', 'com', 'bit', 'ly', 'pic', 'twitter', 'amp']);
const NULL = 0;

const vocabulary = new Map<string, number>([['<null>', NULL]]);
const words: string[] = ['<null>'];
function idOf(stem: string): number {
  let id = vocabulary.get(stem);
  if (id === undefined) {
    id = words.length;
    vocabulary.set(stem, id);
    words.push(stem);
  }
  return id;
}

/** The stems of a text as the associations read them (distinct, in order). */
function stemsOf(text: string): number[] {
  const out = new Set<number>();
  for (const w of normalizeForSearch(text).split(' ')) {
    if (!w || LINK_WORDS.has(w) || /\d/.test(w) || [...w].length < 2) continue;
    const stem = lightStem(w);
    if (STOP_STEMS.has(stem)) continue;
    out.add(idOf(stem));
  }
  return [...out];
}

/** A translation table: for each source stem, its target stems' probabilities. */
type Table = Map<number, Map<number, number>>;

/** IBM Model 1 by EM: P(target stem | source stem), a null word on the source side. */
function ibmModel1(pairs: { source: number[]; target: number[] }[]): Table {
  let t = new Map<number, number>(); // key source * 2^21 + target
  const K = 2 ** 21;
  const get = (s: number, w: number) => t.get(s * K + w) ?? 0;
  for (let round = 0; round < EM_ROUNDS; round++) {
    const counts = new Map<number, number>();
    const totals = new Map<number, number>();
    for (const { source, target } of pairs) {
      const src = [NULL, ...source];
      for (const w of target) {
        let denominator = 0;
        for (const s of src) denominator += round === 0 ? 1 : get(s, w);
        if (denominator <= 0) continue;
        for (const s of src) {
          const c = (round === 0 ? 1 : get(s, w)) / denominator;
          if (c === 0) continue;
          const key = s * K + w;
          counts.set(key, (counts.get(key) ?? 0) + c);
          totals.set(s, (totals.get(s) ?? 0) + c);
        }
      }
    }
    for (const [key, c] of counts) counts.set(key, c / (totals.get(Math.floor(key / K)) as number));
    t = counts;
  }
  const table: Table = new Map();
  for (const [key, p] of t) {
    const s = Math.floor(key / K);
    const row = table.get(s) ?? new Map<number, number>();
    row.set(key - s * K, p);
    table.set(s, row);
  }
  for (const [s, row] of table) {
    const kept = [...row].filter(([, p]) => p >= ROW_MIN).sort((a, b) => b[1] - a[1]).slice(0, ROW_TOP);
    table.set(s, new Map(kept));
  }
  return table;
}

function mixed(a: Table, b: Table): Table {
  const out: Table = new Map();
  for (const s of new Set([...a.keys(), ...b.keys()])) {
    const ra = a.get(s);
    const rb = b.get(s);
    if (!ra || !rb) {
      out.set(s, new Map((ra ?? rb) as Map<number, number>));
      continue;
    }
    const row = new Map<number, number>();
    for (const [w, p] of ra) row.set(w, p / 2);
    for (const [w, p] of rb) row.set(w, (row.get(w) ?? 0) + p / 2);
    out.set(s, row);
  }
  return out;
}

/** The table read the other way: for each target stem, its source stems' P(target | source). */
function inverted(table: Table): Table {
  const out: Table = new Map();
  for (const [s, row] of table)
    for (const [w, p] of row) {
      const col = out.get(w) ?? new Map<number, number>();
      col.set(s, p);
      out.set(w, col);
    }
  return out;
}

/** Two tables: claim stems given tweet stems (source tweet), tweet stems given claim stems (source claim). */
interface Tables {
  claimGivenTweet: Table;
  tweetGivenClaim: Table;
}

/**
 * The four columns of one pool: the claim given the tweet and the tweet given the claim (mean over
 * the target's stems of log((½ p_TM + ½ p_bg) / p_bg)), and the best association, from the other
 * text's stems, of the tweet's (the claim's) stems the other text lacks, summed and divided by the
 * text's stem count.
 */
function poolColumns(tweet: number[], claims: number[][], tables: Tables, tweetGivenClaimByTarget: Table, background: (w: number) => number): number[][] {
  const src = [NULL, ...tweet];
  const tweetSet = new Set(tweet);
  // Claim given tweet: for each target stem reachable from the tweet, Σ_q t(c|q) and max over real q.
  const sum = new Map<number, number>();
  const best = new Map<number, number>();
  for (const q of src) {
    const row = tables.claimGivenTweet.get(q);
    if (!row) continue;
    for (const [c, p] of row) {
      sum.set(c, (sum.get(c) ?? 0) + p);
      if (q !== NULL && p > (best.get(c) ?? 0)) best.set(c, p);
    }
  }
  // Tweet given claim: for each claim stem, the tweet stems it reaches (index in `tweet`) and P.
  const inv = new Map<number, [number, number][]>();
  tweet.forEach((q, i) => {
    const col = tweetGivenClaimByTarget.get(q);
    if (!col) return;
    for (const [c, p] of col) {
      const list = inv.get(c) ?? [];
      list.push([i, p]);
      inv.set(c, list);
    }
  });
  const nullRow = tables.tweetGivenClaim.get(NULL);
  return claims.map((claim) => {
    if (!tweet.length || !claim.length) return [0, 0, 0, 0];
    const claimSet = new Set(claim);
    let f1 = 0;
    let f4 = 0;
    for (const c of claim) {
      const p = (sum.get(c) ?? 0) / src.length;
      const bg = background(c);
      f1 += Math.log((0.5 * p + 0.5 * bg) / bg);
      if (!tweetSet.has(c)) f4 += best.get(c) ?? 0;
    }
    const acc = new Float64Array(tweet.length);
    const bestTweet = new Float64Array(tweet.length);
    for (const c of claim) {
      for (const [i, p] of inv.get(c) ?? []) {
        acc[i] += p;
        if (p > bestTweet[i]) bestTweet[i] = p;
      }
    }
    let f2 = 0;
    let f3 = 0;
    tweet.forEach((q, i) => {
      const p = (acc[i] + (nullRow?.get(q) ?? 0)) / (claim.length + 1);
      const bg = background(q);
      f2 += Math.log((0.5 * p + 0.5 * bg) / bg);
      if (!claimSet.has(q)) f3 += bestTweet[i];
    });
    return [f1 / claim.length, f2 / tweet.length, f3 / tweet.length, f4 / claim.length];
  });
}

/** A train query's fold: the dev folds' hash of train:matcher --dev-folds (EN 2022's twin pools share a fold). */
const foldOfQuery = (queryId: string) => foldOf({ language: 'en', queryId }, FOLDS);

/** The collection year a set's queries and claims belong to ("EN 2022 (claim + title)" is EN 2022's train). */
const yearOf = (set: string) => set.split(' (')[0];

function loadTexts(dir: string) {
  const collections = englishTrainingCollections(dir);
  const claimStems = new Map<string, number[]>(); // `${set}/${claimId}`
  const claimText = new Map<string, string>();
  const tweetStems = new Map<string, number[]>(); // `${year}/${split}/${queryId}`
  const tweetText = new Map<string, string>();
  const frequencies = new Map<string, Map<number, number>>();
  const trainPairs: { queryId: string; source: number[]; target: number[] }[] = [];
  for (const c of collections) {
    const freq = new Map<number, number>();
    const byId = new Map<string, number[]>();
    for (const claim of c.claims) {
      const stems = stemsOf(claim.text);
      byId.set(claim.id, stems);
      claimStems.set(`${c.name}/${claim.id}`, stems);
      claimText.set(`${c.name}/${claim.id}`, claim.text);
      for (const w of stems) freq.set(w, (freq.get(w) ?? 0) + 1);
    }
    frequencies.set(c.name, freq);
    for (const split of ['train', 'dev'] as const) {
      const s = c.splits[split];
      if (!s) continue;
      for (const [queryId, text] of s.queries) {
        const key = `${yearOf(c.name)}/${split}/${queryId}`;
        tweetText.set(key, text);
        tweetStems.set(key, stemsOf([text, ...hashtagWords(text)].join(' ')));
      }
      // Train pairs: each train tweet with each right claim as the matcher indexes it (the
      // "claim + title" twin of EN 2022 is the same queries, learnt once).
      if (split !== 'train' || c.name !== yearOf(c.name)) continue;
      for (const [queryId, relevant] of s.qrels) {
        const tweet = tweetStems.get(`${c.name}/train/${queryId}`);
        if (!tweet?.length) continue;
        for (const id of relevant) {
          const claim = byId.get(id);
          if (claim?.length) trainPairs.push({ queryId, source: tweet, target: claim });
        }
      }
    }
  }
  return { collections, claimStems, claimText, tweetStems, tweetText, frequencies, trainPairs };
}

/** Each collection claim ↔ its fact-check's title and subtitle (no labels), deduplicated. */
function titlePairs(dir: string): { source: number[]; target: number[] }[] {
  const raw: [string, string][] = [];
  const en2020 = join(dir, 'clef2020-checkthat-task2-en', 'verified_claims.docs.tsv');
  for (const [, text, title] of readTsv(en2020).slice(1)) raw.push([text, title]);
  const en2022 = join(dir, 'clef2022-checkthat-task2a-en');
  for (const line of readFileSync(join(en2022, 'CT2022-Task2A-EN-vclaims.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const c = JSON.parse(line) as { vclaim: string; title: string; subtitle?: string };
    raw.push([c.vclaim, c.title]);
    if (c.subtitle) raw.push([c.vclaim, c.subtitle]);
  }
  for (const [, text, title] of readTsv(join(en2022, 'CT2021-Task2A-EN-Verified_Claims.tsv')).slice(1)) raw.push([text, title]);
  const seen = new Set<string>();
  const out: { source: number[]; target: number[] }[] = [];
  for (const [a, b] of raw) {
    if (!a || !b || seen.has(`${a}\t${b}`)) continue;
    seen.add(`${a}\t${b}`);
    const sa = stemsOf(a);
    const sb = stemsOf(b);
    if (!sa.length || !sb.length) continue;
    out.push({ source: sa, target: sb }, { source: sb, target: sa });
  }
  return out;
}

/** The title table, cached in .cache (stems written out) as it takes two minutes to learn. */
function cachedTitleTable(dir: string): Table {
  const file = join(__dirname, '..', '.cache', `trial-12bh-title-${EM_ROUNDS}-${ROW_TOP}.json`);
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, number>>;
    // PRUNE_TOP / PRUNE_MIN: the table as a shipped file would hold it (the best few of each row).
    const top = Number(process.env.PRUNE_TOP ?? Infinity);
    const min = Number(process.env.PRUNE_MIN ?? 0);
    const table: Table = new Map(
      Object.entries(stored).map(([s, row]) => [
        idOf(s),
        new Map(
          Object.entries(row)
            .filter(([, p]) => p >= min)
            .slice(0, top)
            .map(([w, p]) => [idOf(w), p]),
        ),
      ]),
    );
    const entries = [...table.values()].reduce((n, row) => n + row.size, 0);
    const bytes = JSON.stringify(Object.fromEntries([...table].filter(([, r]) => r.size).map(([s, r]) => [words[s], Object.fromEntries([...r].map(([w, p]) => [words[w], Math.round(p * 1000) / 1000]))]))).length;
    console.log(`title table: ${entries} entries, ${(bytes / 1024).toFixed(0)} kB as rounded JSON`);
    return table;
  }
  const table = ibmModel1(titlePairs(dir));
  writeFileSync(file, JSON.stringify(Object.fromEntries([...table].map(([s, row]) => [words[s], Object.fromEntries([...row].map(([w, p]) => [words[w], p]))]))));
  return table;
}

function tweetTables(pairs: { source: number[]; target: number[] }[]): Tables {
  return {
    claimGivenTweet: ibmModel1(pairs),
    tweetGivenClaim: ibmModel1(pairs.map((p) => ({ source: p.target, target: p.source }))),
  };
}

function combine(kind: string, title: Table | null, tweet: Tables | null): Tables {
  if (kind === 'title') return { claimGivenTweet: title as Table, tweetGivenClaim: title as Table };
  if (kind === 'tweet') return tweet as Tables;
  return { claimGivenTweet: mixed(tweet!.claimGivenTweet, title as Table), tweetGivenClaim: mixed(tweet!.tweetGivenClaim, title as Table) };
}

function main(): void {
  const args = process.argv.slice(2);
  const mode = process.env.MODE ?? 'columns';
  if (mode === 'compare') return compare(args);
  const [featuresFile, dir, out] = args;
  const kind = process.env.TABLE ?? 'both';
  const started = Date.now();
  const log = (m: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${m}`);
  const texts = loadTexts(dir);
  log(`${texts.trainPairs.length} train tweet ↔ claim pairs, vocabulary ${words.length}`);
  const title = kind === 'tweet' ? null : cachedTitleTable(dir);
  if (title) log(`title table: ${title.size} source stems`);
  const tablesFor = new Map<string, Tables>(); // 'all' or fold number
  const tablesOf = (fold: string): Tables => {
    let t = tablesFor.get(fold);
    if (!t) {
      const pairs = fold === 'all' ? texts.trainPairs : texts.trainPairs.filter((p) => String(foldOfQuery(p.queryId)) !== fold);
      t = combine(kind, title, kind === 'title' ? null : tweetTables(pairs));
      tablesFor.set(fold, t);
      log(`tables for ${fold}: ${pairs.length} pairs`);
    }
    return t;
  };
  const examples: QueryExample[] = JSON.parse(readFileSync(featuresFile, 'utf8'));
  log(`${examples.length} pools`);
  const backgrounds = new Map<string, (w: number) => number>();
  for (const [name, freq] of texts.frequencies) {
    const total = [...freq.values()].reduce((a, b) => a + b, 0);
    backgrounds.set(name, (w) => ((freq.get(w) ?? 0) + 1) / (total + words.length));
  }
  const columnsOf = (q: QueryExample): number[][] => {
    if (q.language !== 'en' || !backgrounds.has(q.set)) return q.candidates.map(() => [0, 0, 0, 0]);
    const fold = kind === 'title' || q.split === 'dev' ? 'all' : String(foldOfQuery(q.queryId as string));
    const tables = tablesOf(fold);
    const byTarget = invertedCache.get(tables) ?? inverted(tables.tweetGivenClaim);
    invertedCache.set(tables, byTarget);
    const tweet = texts.tweetStems.get(`${yearOf(q.set)}/${q.split}/${q.queryId}`) ?? [];
    const claims = q.candidates.map((c) => texts.claimStems.get(`${q.set}/${c.claimId}`) ?? []);
    return poolColumns(tweet, claims, tables, byTarget, backgrounds.get(q.set) as (w: number) => number);
  };
  if (mode === 'diagnose') return diagnose(examples, texts, tablesOf('all'), kind);
  // COLUMNS=0,1: only these of the four columns are written (ablations).
  const kept = (process.env.COLUMNS ?? '0,1,2,3').split(',').map(Number);
  const outExamples = examples.map((q) => {
    const columns = columnsOf(q);
    return { ...q, candidates: q.candidates.map((c, i) => ({ ...c, features: [...c.features.slice(0, FEATURE_NAMES.length), ...kept.map((k) => columns[i][k])] })) };
  });
  // Each column alone as the ranker, on dev (no fitting).
  for (let k = 0; k < kept.length; k++) {
    const sets = [...new Set(outExamples.filter((q) => q.split === 'dev' && q.language === 'en').map((q) => q.set))];
    const line = sets.map((s) => {
      const qs = outExamples.filter((q) => q.split === 'dev' && q.set === s && !q.noMatch);
      const map = mean(qs.map((q) => poolAveragePrecisionAt(5, q.candidates.map((c) => c.features[FEATURE_NAMES.length + k]), q.candidates.map((c) => c.label), q.relevant)));
      return `${s} ${map.toFixed(4)}`;
    });
    log(`${TM_COLUMNS[kept[k]]} alone: dev MAP@5 ${line.join(', ')}`);
  }
  writeFileSync(out, JSON.stringify(outExamples));
  log(`written ${out}`);
}
const invertedCache = new Map<Tables, Table>();

/** Each stem's mean contribution to the unshared-word columns, right against wrong dev candidates; some table rows. */
function diagnose(examples: QueryExample[], texts: ReturnType<typeof loadTexts>, tables: Tables, kind: string): void {
  const right = new Map<number, number>();
  const wrong = new Map<number, number>();
  let nRight = 0;
  let nWrong = 0;
  for (const q of examples) {
    if (q.language !== 'en' || q.split !== 'dev' || !texts.frequencies.has(q.set)) continue;
    const tweet = texts.tweetStems.get(`${yearOf(q.set)}/${q.split}/${q.queryId}`) ?? [];
    const tweetSet = new Set(tweet);
    for (const c of q.candidates.slice(0, 20)) {
      const claim = texts.claimStems.get(`${q.set}/${c.claimId}`) ?? [];
      if (!claim.length) continue;
      const target = c.label ? right : wrong;
      if (c.label) nRight++;
      else nWrong++;
      // unshared claim stems: the best association from the tweet's stems, per claim stem.
      for (const w of claim) {
        if (tweetSet.has(w)) continue;
        let best = 0;
        for (const s of tweet) best = Math.max(best, tables.claimGivenTweet.get(s)?.get(w) ?? 0);
        target.set(w, (target.get(w) ?? 0) + best / claim.length);
      }
    }
  }
  const rows = [...new Set([...right.keys(), ...wrong.keys()])].map((w) => ({ w: words[w], r: (right.get(w) ?? 0) / nRight, x: (wrong.get(w) ?? 0) / nWrong }));
  console.log(`table ${kind}; unshared claim stems, mean contribution per candidate (dev top 20), right (${nRight}) | wrong (${nWrong})`);
  for (const { w, r, x } of rows.sort((a, b) => b.r - b.x - (a.r - a.x)).slice(0, 40)) console.log(`  ${w.padEnd(16)} ${r.toFixed(5)} | ${x.toFixed(5)}`);
  const probe = (process.env.WORDS ?? 'jab,vaccin,kill,potus,hoax,fake,dead,photo,video,claim,biden,trump,covid,mask').split(',');
  for (const p of probe) {
    const id = vocabulary.get(lightStem(p));
    const row = id === undefined ? undefined : tables.claimGivenTweet.get(id);
    console.log(`  ${p} → ${row ? [...row].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([w, x]) => `${words[w]} ${x.toFixed(2)}`).join(', ') : '(unseen)'}`);
  }
}

/** The dev queries whose AP@5 moves between two feature files scored by their models, with their texts. */
function compare([fa, ma, fb, mb, dir]: string[]): void {
  const texts = loadTexts(dir);
  const load = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as QueryExample[];
  const model = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as MatchModel;
  const [a, b] = [load(fa), load(fb)];
  const [A, B] = [model(ma), model(mb)];
  const ap = (q: QueryExample, m: MatchModel) => {
    const scores = q.candidates.map((c) => logitOf(m, c.features.slice(0, m.features.length), q.language));
    return { ap: poolAveragePrecisionAt(5, scores, q.candidates.map((c) => c.label), q.relevant), scores };
  };
  let up = 0;
  let down = 0;
  b.forEach((qb, i) => {
    const qa = a[i];
    if (qb.split !== 'dev' || qb.language !== 'en' || qb.noMatch) return;
    const x = ap(qa, A);
    const y = ap(qb, B);
    if (Math.abs(x.ap - y.ap) < 1e-9) return;
    if (y.ap > x.ap) up++;
    else down++;
    const top = (s: number[]) => qb.candidates[s.indexOf(Math.max(...s))];
    const rightClaim = qb.candidates.find((c) => c.label);
    console.log(`${qb.set} ${qb.queryId}: ${x.ap.toFixed(2)} → ${y.ap.toFixed(2)}`);
    console.log(`  tweet: ${texts.tweetText.get(`${yearOf(qb.set)}/dev/${qb.queryId}`)?.replace(/\s+/g, ' ').slice(0, 200)}`);
    console.log(`  right: ${rightClaim ? texts.claimText.get(`${qb.set}/${rightClaim.claimId}`)?.slice(0, 200) : '(not in pool)'}`);
    for (const [name, s] of [['A top', x.scores], ['B top', y.scores]] as const) {
      const t = top(s);
      console.log(`  ${name}${t.label ? ' (right)' : ''}: ${texts.claimText.get(`${qb.set}/${t.claimId}`)?.slice(0, 200)}`);
    }
    if (rightClaim) console.log(`  B's columns for the right claim: ${rightClaim.features.slice(FEATURE_NAMES.length).map((v) => v.toFixed(3)).join(' ')}`);
  });
  console.log(`${up} up, ${down} down`);
}

main();
