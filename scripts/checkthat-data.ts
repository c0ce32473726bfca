/**
 * The CheckThat! claim-retrieval data as the evaluation (eval-checkthat.ts) and the re-ranker's
 * training (train-match-model.ts) read it: TSV/qrels parsing, each year's collection and splits,
 * loading a collection into a fresh database through the API's own triggers, and a plain BM25
 * (lower-cased \w+ words, no stemming) as the reference row.
 */
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ClaimEmbeddingsService, ClaimMatcherService, MatchStatisticsService } from '@isnad/linking';
import { normalizeForSearch } from '@isnad/text';
import { withFreshApp } from './fresh-app';
import { cachedSentenceVectors } from './sentence-vectors';

const BATCH = 500;

/** Rows of a TAB-separated file whose fields may be double-quoted (with "" and newlines inside). */
export function readTsv(path: string): string[][] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === '\t') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f.trim()));
}

export function readQrels(path: string): Map<string, Set<string>> {
  const qrels = new Map<string, Set<string>>();
  for (const [query, , doc, relevance] of readTsv(path)) {
    if (Number(relevance) > 0) qrels.set(query, (qrels.get(query) ?? new Set()).add(doc));
  }
  return qrels;
}

export interface VerifiedClaim {
  id: string;
  text: string;
}

/**
 * Inserts the claims in batches; the triggers index them. Then folds the term counts they queued,
 * as the API does every few seconds, so matching reads settled statistics. Returns external id →
 * claim uuid.
 */
export async function loadClaims(
  dataSource: DataSource,
  claims: VerifiedClaim[],
  language: string,
  statistics: MatchStatisticsService,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let at = 0; at < claims.length; at += BATCH) {
    const batch = claims.slice(at, at + BATCH).filter((c) => normalizeForSearch(c.text));
    const params: string[] = [];
    const values = batch.map((claim, i) => {
      params.push(claim.text, normalizeForSearch(claim.text), language);
      return `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`;
    });
    const rows: { id: string }[] = await dataSource.query(
      `INSERT INTO claims (statement, statement_key, language) VALUES ${values.join(', ')} RETURNING id`,
      params,
    );
    rows.forEach((row, i) => ids.set(batch[i].id, row.id));
  }
  await statistics.fold();
  return ids;
}

/**
 * Runs `work` over a fresh database with the API's matcher (see withFreshApp). With
 * `sentenceVectors` (a cache file of scripts/sentence-vectors.ts), the matcher uses the shipped
 * sentence encoder (SENTENCE_ENCODER=local) and `prefill` stores the vectors of the loaded English
 * texts from that cache (embedding those it lacks), as the API's background worker would.
 */
export function withFreshDatabase<T>(
  work: (dataSource: DataSource, matcher: ClaimMatcherService, statistics: MatchStatisticsService, prefill: () => Promise<void>) => Promise<T>,
  sentenceVectors?: string,
): Promise<T> {
  return withFreshApp(
    (app) => {
      const dataSource = app.get(DataSource);
      const prefill = async () => {
        if (!sentenceVectors) return;
        const texts: { id: string; key: string }[] = await dataSource.query(`SELECT id, key FROM claim_match_texts WHERE language = 'en'`);
        const vectors = await cachedSentenceVectors(texts.map((t) => t.key), sentenceVectors);
        const embeddings = app.get(ClaimEmbeddingsService);
        for (let at = 0; at < texts.length; at += BATCH) {
          const batch = texts.slice(at, at + BATCH);
          await embeddings.store(batch.map((t) => ({ textId: t.id, key: t.key, attempts: 0 })), batch.map((t) => [...(vectors.get(t.key) as Float32Array)]));
        }
      };
      return work(dataSource, app.get(ClaimMatcherService), app.get(MatchStatisticsService), prefill);
    },
    sentenceVectors ? { embeddings: null, localSentences: true, embeddingWorker: { enabled: false, pollMs: 1_000 } } : undefined,
  );
}

/** A split of a CheckThat! year: its queries and their relevant claims, over one collection. */
export interface CheckThatSplit {
  queries: Map<string, string>;
  qrels: Map<string, Set<string>>;
}

/** One English collection and its splits (those that exist in the folder). */
export interface EnglishCollection {
  name: string;
  claims: VerifiedClaim[];
  /**
   * The claims as the organisers' BM25 baseline reads them (claim + title), when the matcher's
   * texts say more: the 2022 collection's fact-checks also carry a subtitle, which the matcher
   * indexes as the fact-check's own summary of the claim.
   */
  baselineClaims?: VerifiedClaim[];
  splits: Partial<Record<'train' | 'dev' | 'test', CheckThatSplit>>;
}

function split(queriesFile: string, qrelsFile: string, header: boolean): CheckThatSplit | undefined {
  if (!existsSync(queriesFile) || !existsSync(qrelsFile)) return undefined;
  const rows = readTsv(queriesFile).slice(header ? 1 : 0);
  return { queries: new Map(rows.map(([id, text]) => [id, text])), qrels: readQrels(qrelsFile) };
}

/**
 * The English collections: 2020 (task 2) with its train/dev/test, 2022 (task 2A) with the 2022
 * train/dev and test, and 2021 (task 2A, the 2022 "Dev-Test") with its test and, as dev, the 2022
 * dev queries and qrels over the 2021 collection (the two years share their train and dev queries;
 * every 2022 dev qrel names a claim of the 2021 collection). The statement is the verified claim
 * followed by the fact-check's title, as in the organisers' BM25 baseline, and in 2022 by the
 * fact-check's subtitle too (+0.015 MAP@5 on EN 2022 dev, pool recall 0.975 → 0.985).
 */
export function englishCollections(dir: string, withTitles = true): EnglishCollection[] {
  const claimText = (claim: string, title: string) => (withTitles && title ? `${claim} ${title}` : claim);
  const out: EnglishCollection[] = [];
  const en2020 = join(dir, 'clef2020-checkthat-task2-en');
  if (existsSync(en2020)) {
    const s = (name: string) => split(join(en2020, name, 'tweets.queries.tsv'), join(en2020, name, 'tweet-vclaim-pairs.qrels'), true);
    out.push({
      name: 'EN 2020',
      claims: readTsv(join(en2020, 'verified_claims.docs.tsv')).slice(1).map(([id, text, title]) => ({ id, text: claimText(text, title) })),
      splits: { train: s('train'), dev: s('dev'), test: s('test') },
    });
  }
  const en2022 = join(dir, 'clef2022-checkthat-task2a-en');
  if (existsSync(en2022)) {
    const f = (name: string) => join(en2022, name);
    const trainDev = split(f('CT2022-Task2A-EN-Train-Dev_Queries.tsv'), f('CT2022-Task2A-EN-Train_QRELs.tsv'), false);
    const dev = split(f('CT2022-Task2A-EN-Train-Dev_Queries.tsv'), f('CT2022-Task2A-EN-Dev_QRELs.tsv'), false);
    const factChecks = readFileSync(f('CT2022-Task2A-EN-vclaims.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as { vclaim_id: string; vclaim: string; title: string; subtitle?: string });
    out.push({
      name: 'EN 2022',
      claims: factChecks.map((c) => ({ id: c.vclaim_id, text: claimText(c.vclaim, [c.title, c.subtitle].filter(Boolean).join(' ')) })),
      baselineClaims: withTitles ? factChecks.map((c) => ({ id: c.vclaim_id, text: claimText(c.vclaim, c.title) })) : undefined,
      splits: { train: trainDev, dev, test: split(f('CT2022-Task2A-EN-Test_Queries.tsv'), f('CT2022-Task2A-EN-Test_Qrels_gold.tsv'), false) },
    });
    out.push({
      name: 'EN 2021',
      claims: readTsv(f('CT2021-Task2A-EN-Verified_Claims.tsv')).slice(1).map(([id, text, title]) => ({ id, text: claimText(text, title) })),
      splits: { dev, test: split(f('CT2022-Task2A-EN-Dev-Test_Queries.tsv'), f('CT2022-Task2A-EN-Dev-Test_QRELs.tsv'), true) },
    });
  }
  return out;
}

/**
 * The English collections the re-ranker learns from: englishCollections, and EN 2022's train
 * queries once more over its claims written as 2020's and 2021's are (claim + title, no subtitle),
 * so that the trees see the 2022 pools both ways and do not learn the claims' length from one of them.
 */
export function englishTrainingCollections(dir: string): EnglishCollection[] {
  const collections = englishCollections(dir);
  const en2022 = collections.find((c) => c.name === 'EN 2022');
  if (!en2022?.baselineClaims || !en2022.splits.train) return collections;
  return [...collections, { name: 'EN 2022 (claim + title)', claims: en2022.baselineClaims, splits: { train: en2022.splits.train } }];
}

/** The Arabic 2021 data: claims with text (BM25 pools only), and per split the queries, qrels and candidate pools. */
export interface ArabicRerankingSet {
  claims: VerifiedClaim[];
  splits: Partial<Record<'train' | 'dev' | 'test', CheckThatSplit & { pools: Map<string, { id: string; rank: number }[]> }>>;
}

export function arabicReranking(dir: string, withTitles = true): ArabicRerankingSet | null {
  const ar2021 = join(dir, 'clef2021-checkthat-task2a-ar');
  if (!existsSync(ar2021)) return null;
  const f = (name: string) => join(ar2021, name);
  const claimText = (claim: string, title: string) => (withTitles && title ? `${claim} ${title}` : claim);
  const pools = (file: string) => {
    const out = new Map<string, { id: string; rank: number }[]>();
    for (const [tweet, vclaim, rank] of readTsv(f(file)).slice(1)) out.set(tweet, [...(out.get(tweet) ?? []), { id: vclaim, rank: Number(rank) }]);
    for (const pool of out.values()) pool.sort((a, b) => a.rank - b.rank);
    return out;
  };
  const withPools = (name: string, poolFile: string) => {
    const s = split(f(`CT2021-Task2A-AR-${name}_Queries.tsv`), f(`CT2021-Task2A-AR-${name}_QRELs.tsv`), true);
    return s && { ...s, pools: pools(poolFile) };
  };
  return {
    claims: readTsv(f('vclaims_partial.tsv')).slice(1).map(([id, text, title]) => ({ id, text: claimText(text, title) })),
    splits: {
      train: withPools('Train', 'train_pairs_bm25negatives.tsv'),
      dev: withPools('Dev', 'bm25_candidates_dev_top50.tsv'),
      test: withPools('Test', 'bm25_candidates_test_top20.tsv'),
    },
  };
}

/** A plain Okapi BM25 (k1 1.2, b 0.75) over lower-cased \w+ words: the reference row. */
export class PlainBm25 {
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly lengths: number[] = [];
  private readonly averageLength: number;

  constructor(private readonly claims: VerifiedClaim[]) {
    claims.forEach((claim, doc) => {
      const words = tokens(claim.text);
      this.lengths.push(words.length);
      for (const word of words) {
        const posting = this.postings.get(word) ?? new Map<number, number>();
        posting.set(doc, (posting.get(doc) ?? 0) + 1);
        this.postings.set(word, posting);
      }
    });
    this.averageLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(claims.length, 1);
  }

  /** Ids of the best `k` claims for the text. */
  rank(text: string, k: number): string[] {
    const scores = new Map<number, number>();
    const n = this.claims.length;
    for (const word of tokens(text)) {
      const posting = this.postings.get(word);
      if (!posting) continue;
      const idf = Math.log(1 + (n - posting.size + 0.5) / (posting.size + 0.5));
      for (const [doc, tf] of posting) {
        const norm = 1 - 0.75 + (0.75 * this.lengths[doc]) / this.averageLength;
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * 2.2) / (tf + 1.2 * norm));
      }
    }
    return [...scores].sort((a, b) => b[1] - a[1]).slice(0, k).map(([doc]) => this.claims[doc].id);
  }
}

function tokens(text: string): string[] {
  return text.toLowerCase().match(/\w+/g) ?? [];
}
