/**
 * Trains the claim matcher's re-ranker and calibrates its score (libs/linking/src/match-weights.json):
 *
 *   npm run train:matcher -- [DATASETS_DIR] [--features FILE] [--precision 0.9] [--objective pointwise|pairwise] [--trees 200]
 *                            [--tree-depth 4,6] [--language en|ar] [--tree-languages en] [--arabic-train-pool 50]
 *                            [--no-match-train] [--calibrate-on en] [--lambda 1] [--dev-folds 5] [--fold-seed 2]
 *                            [--no-train-only] [--subsample 0.7] [--feature-fraction 0.7] [--seed 1] [--extra-columns a,b]
 *                            [--out FILE]
 *
 * 1. Features: every CheckThat! train and dev query goes through ClaimMatcherService.rank over its
 *    year's collection loaded into a fresh database (English 2020 and 2022: full retrieval, 2022's
 *    train queries both over its claims with their subtitles and over them without ("EN 2022
 *    (claim + title)", as 2020's and 2021's are written); EN 2021: 2022's dev queries over the 2021
 *    collection, a dev set only;
 *    Arabic 2021: re-ranking, the dev queries' given BM25 pools, and for each train query the best
 *    --arabic-train-pool (50) claims by BM25 that the matcher retrieves over the Arabic collection,
 *    as the split's own data are two-candidate pairs). Each candidate's feature vector and label (in
 *    the qrels or not) is kept; --features FILE caches them (read if it exists). --language ar
 *    trains the Arabic model (the shared features and ARABIC_FEATURE_NAMES, written to
 *    match-weights-ar.json); other runs read the shared features only.
 * 2. A logistic regression is fitted on the train splits for a few L2 penalties, pointwise (each
 *    candidate against its label) and pairwise (each relevant candidate against each other one of
 *    its query); the objective and penalty with the best MAP@5 on the dev splits are kept
 *    (--objective pointwise|pairwise tries only one). Test splits are never read.
 * 3. LambdaMART trees (match-trees.ts) are grown on top of that logit, up to --trees of them (0:
 *    none), for the pools the model scores (--tree-languages: English for the shared model, whose
 *    Arabic pools of ten or more go to the Arabic model; Arabic with --language ar) when their train
 *    queries hold whole pools; trees of depth 4 and of depth 6 (--tree-depth: one of them) are
 *    grown, and the tree shape and count with the best dev MAP@5, mean over the
 *    sets, are kept if they beat the linear model there. Deterministic: the same features file
 *    and flags give the same model file. By default nothing is sampled; --subsample F grows each
 *    tree on a random share F of the train queries (whole pools) and --feature-fraction F lets it
 *    split on a random share F of the features (stochastic gradient boosting), drawn by a
 *    generator seeded with --seed (1). The committed model is scored on the same features
 *    and printed beside the new one ("previous model", "this model"), so a retraining that does
 *    not reproduce it shows before it is committed.
 * 4. Platt scaling of its logit (and of the logit's distance below the best of its pool, when that
 *    gives a higher dev AUC) is fitted on the dev candidates, so the score is a probability that
 *    the pair is the same claim, and the suggestion threshold is the lowest score at which the dev
 *    suggestions reach the precision asked (0.9 by default). Dev AUC and P/R there are recorded.
 *    Each dev query counts once (EN 2021's are EN 2022's over another collection: EN 2022's
 *    calibrate). --calibrate-on en calibrates on the English dev pools only, for a model that
 *    scores only English pools (match-weights-en.json, ENGLISH_MODEL).
 *    With --language ar, the Arabic pools are also ranked again without their relevant claims (no
 *    candidate right, as for most sentences monitoring checks): Platt scaling is fitted on these dev
 *    pools as well, and with --no-match-train the model learns from these train pools too (it did
 *    not help on dev: the shipped model does not). The share of those dev pools whose
 *    best candidate reaches the threshold (false suggestions) is printed for the previous, the new
 *    and the shared model.
 * 5. --dev-folds K (with --objective and --lambda, which stay fixed): the model learns from the dev
 *    queries too. The dev queries are split into K folds by a hash of their language and id (a
 *    query's twin pools, EN 2021's and EN 2022's, and its pool without its right claims, share a
 *    fold); for each fold the linear model and the trees are fitted on train + the other folds and
 *    score that fold's dev pools at every 20-tree checkpoint. The out-of-fold dev MAP@5 is printed
 *    beside the train-only model's (the procedure above) at each checkpoint; the tree count with
 *    the best out-of-fold mean over the sets is kept, the final model is fitted on train + all dev
 *    with it, and Platt scaling and the threshold are fitted on the out-of-fold logits (the dev
 *    figures the file records are out of fold). Each fold grows the trees again: K + 2 times the time
 *    (K + 1 with --no-train-only, which skips the train-only column). --fold-seed S splits the dev
 *    queries into other folds (the hash of language and id with S; twins still share a fold).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  ARABIC_FEATURE_NAMES,
  ClaimMatcherService,
  FEATURE_NAMES,
  MatchModel,
  poolAveragePrecisionAt,
  fitLambdaMart,
  fitLogistic,
  LambdaMartOptions,
  fitPlatt,
  fitPoolPlatt,
  logitOf,
  mean,
  pairwiseDifferences,
  probabilityOf,
  RegressionTree,
  roundedTree,
  SENTENCE_FEATURE_NAMES,
  rocAuc,
  sentenceFeatures,
  thresholdForPrecision,
  treesScore,
} from '@isnad/linking';
import { hashtagWords, normalizeForSearch } from '@isnad/text';
import { CheckThatSplit, arabicReranking, englishTrainingCollections, loadClaims, withFreshDatabase } from './checkthat-data';
import { cachedSentenceVectors, dot } from './sentence-vectors';

/** One query's pool as the features file holds it (a trial script may read it: scripts/trial-12bh-associations.ts). */
export interface QueryExample {
  set: string;
  language: string;
  split: 'train' | 'dev';
  relevant: number;
  /** The query's id in its split, and each candidate's claim id in its collection (to join other evidence). */
  queryId?: string;
  /** Its pool with the relevant claims taken out: no candidate is right (what most monitored sentences meet). */
  noMatch?: boolean;
  candidates: { features: number[]; label: number; claimId?: string }[];
}

type Split = 'train' | 'dev';

async function rankSplit(
  matcher: ClaimMatcherService,
  ids: Map<string, string>,
  set: string,
  split: Split,
  { queries, qrels }: CheckThatSplit,
  language: string,
  pools?: Map<string, { id: string }[]>,
  noMatch = false,
): Promise<QueryExample[]> {
  const external = new Map([...ids].map(([ext, id]) => [id, ext]));
  const out: QueryExample[] = [];
  for (const [queryId, relevant] of qrels) {
    const text = queries.get(queryId) ?? '';
    if (!normalizeForSearch(text)) continue;
    const pool = pools && (pools.get(queryId) ?? []).filter((c) => !noMatch || !relevant.has(c.id));
    const onlyClaimIds = pool?.flatMap((c) => ids.get(c.id) ?? []);
    if (onlyClaimIds && !onlyClaimIds.length) continue;
    const ranked = await matcher.rank(text, { language, onlyClaimIds });
    out.push({
      set,
      language,
      split,
      relevant: noMatch ? 0 : relevant.size,
      queryId,
      ...(noMatch && { noMatch }),
      candidates: ranked.map((c) => {
        const claimId = external.get(c.claimId) ?? '';
        return { features: c.features, label: relevant.has(claimId) ? 1 : 0, claimId };
      }),
    });
  }
  console.log(`  ${set} ${split}${noMatch ? ' without the relevant claims' : ''}: ${out.length} queries, ${out.reduce((n, q) => n + q.candidates.length, 0)} candidates`);
  return out;
}

// Arabic dev and test pools are a BM25 run's top 50 and top 20 over the whole collection; the train
// split comes as pairs (the right claim and one BM25 negative), which taught the re-ranker pools of
// two. Its train queries get pools of this size from the matcher's own retrieval instead.
const ARABIC_TRAIN_POOL = 50;

/**
 * Each query's pool as a first stage would give it: the matcher's candidates over the whole loaded
 * collection, the best `size` by BM25 (external claim ids), whether or not they hold the right claim.
 */
async function retrievedPools(
  matcher: ClaimMatcherService,
  ids: Map<string, string>,
  { queries, qrels }: CheckThatSplit,
  language: string,
  size: number,
): Promise<Map<string, { id: string }[]>> {
  const external = new Map([...ids].map(([ext, id]) => [id, ext]));
  const bm25 = FEATURE_NAMES.indexOf('bm25');
  const pools = new Map<string, { id: string }[]>();
  for (const queryId of qrels.keys()) {
    const text = queries.get(queryId) ?? '';
    if (!normalizeForSearch(text)) continue;
    const ranked = await matcher.rank(text, { language });
    const best = ranked.sort((a, b) => b.features[bm25] - a.features[bm25]).slice(0, size);
    pools.set(queryId, best.map((c) => ({ id: external.get(c.claimId) as string })));
  }
  return pools;
}

async function extract(dir: string, language?: string, arabicTrainPool = ARABIC_TRAIN_POOL): Promise<QueryExample[]> {
  const examples: QueryExample[] = [];
  // A collection with a train split but no dev one teaches; one with dev only is a dev set.
  for (const collection of language && language !== 'en' ? [] : englishTrainingCollections(dir)) {
    const { train, dev } = collection.splits;
    if (!train && !dev) continue;
    examples.push(
      ...(await withFreshDatabase(async (dataSource, matcher, statistics) => {
        const ids = await loadClaims(dataSource, collection.claims, 'en', statistics);
        return [
          ...(train ? await rankSplit(matcher, ids, collection.name, 'train', train, 'en') : []),
          ...(dev ? await rankSplit(matcher, ids, collection.name, 'dev', dev, 'en') : []),
        ];
      })),
    );
  }
  const arabic = language && language !== 'ar' ? null : arabicReranking(dir);
  if (arabic?.splits.train && arabic.splits.dev) {
    const { train, dev } = arabic.splits;
    examples.push(
      ...(await withFreshDatabase(async (dataSource, matcher, statistics) => {
        const ids = await loadClaims(dataSource, arabic.claims, 'ar', statistics);
        const trainPools = await retrievedPools(matcher, ids, train, 'ar', arabicTrainPool);
        return [
          ...(await rankSplit(matcher, ids, 'AR 2021', 'train', train, 'ar', trainPools)),
          ...(await rankSplit(matcher, ids, 'AR 2021', 'dev', dev, 'ar', dev.pools)),
          // The same pools without their right claims, so that the model learns, and its score
          // says, that the best of a pool need not be right (--language ar only).
          ...(language === 'ar'
            ? [
                ...(await rankSplit(matcher, ids, 'AR 2021', 'train', train, 'ar', trainPools, true)),
                ...(await rankSplit(matcher, ids, 'AR 2021', 'dev', dev, 'ar', dev.pools, true)),
              ]
            : []),
        ];
      })),
    );
  }
  return examples;
}

/**
 * The English queries only, each candidate's features followed by the sentence encoder's
 * (sentenceFeatures over the cosines of the query's search key and the claim's, as the matcher
 * embeds them), from vectors cached in `file` (.json/.f32, embedded on first use).
 */
async function withSentenceFeatures(examples: QueryExample[], dir: string, file: string): Promise<QueryExample[]> {
  const collections = new Map(englishTrainingCollections(dir).map((c) => [c.name, c]));
  const english = examples.filter((q) => q.language === 'en' && collections.has(q.set));
  if (english.some((q) => q.queryId === undefined)) throw new Error('The cached features have no query ids: extract them again');
  const claimKeys = new Map([...collections.values()].flatMap((c) => c.claims.map((claim) => [`${c.name}/${claim.id}`, normalizeForSearch(claim.text)] as const)));
  const queryKey = (q: QueryExample) => {
    const text = collections.get(q.set)?.splits[q.split]?.queries.get(q.queryId as string) ?? '';
    return normalizeForSearch([text, ...hashtagWords(text)].join(' '));
  };
  const texts = [...english.map(queryKey), ...english.flatMap((q) => q.candidates.map((c) => claimKeys.get(`${q.set}/${c.claimId}`) ?? ''))];
  const vectors = await cachedSentenceVectors(texts, file);
  return english.map((q) => {
    const query = vectors.get(queryKey(q)) as Float32Array;
    const extra = sentenceFeatures(q.candidates.map((c) => dot(query, vectors.get(claimKeys.get(`${q.set}/${c.claimId}`) ?? '') as Float32Array)));
    return { ...q, candidates: q.candidates.map((c, i) => ({ ...c, features: [...c.features, ...extra[i]] })) };
  });
}

/** Scores candidate `index` of `query`, whose features are `features`. */
type Scorer = (features: number[], query: QueryExample, index: number) => number;

/** MAP@5 of the queries when their candidates are ordered by `score`. */
function map5(queries: QueryExample[], score: Scorer): number {
  return mean(
    queries.map((q) =>
      poolAveragePrecisionAt(
        5,
        q.candidates.map((c, i) => score(c.features, q, i)),
        q.candidates.map((c) => c.label),
        q.relevant,
      ),
    ),
  );
}

/**
 * For each model, at its own threshold and at the shared one: the share of the dev queries whose
 * best candidate is suggested when their pool holds no right claim (false suggestions), and when
 * it does, the share whose best candidate is suggested and right.
 */
function reportSuggestions(dev: QueryExample[], models: { name: string; model: MatchModel }[]): void {
  const shared = models[models.length - 1].model.threshold;
  for (const { name, model } of models) {
    const tops = (queries: QueryExample[]) =>
      queries.map((q) => {
        const logits = q.candidates.map((c) => logitOf(model, c.features.slice(0, model.features.length), q.language));
        const top = logits.indexOf(Math.max(...logits));
        return { probability: probabilityOf(model, logits[top]), right: q.candidates[top].label === 1 };
      });
    const empty = tops(dev.filter((q) => q.noMatch));
    const full = tops(dev.filter((q) => !q.noMatch));
    const at = (t: number) =>
      `${t}: false suggestions ${(empty.filter((p) => p.probability >= t).length / empty.length).toFixed(3)} of ${empty.length} pools without a right claim, ` +
      `right best suggested ${(full.filter((p) => p.right && p.probability >= t).length / full.length).toFixed(3)} of ${full.length}`;
    console.log(`${name.padEnd(15)} at ${at(model.threshold)}; at the shared ${at(shared)}`);
  }
}

/** The model file: readable, with each tree on one line so that the file stays short. */
function formatModel(model: MatchModel): string {
  const { trees, ...rest } = model;
  const text = JSON.stringify(rest, null, 2);
  if (!trees?.length) return `${text}\n`;
  return `${text.slice(0, -2)},\n  "trees": [\n${trees.map((t) => `    ${JSON.stringify(t)}`).join(',\n')}\n  ]\n}\n`;
}

/** Mean over the sets of their dev MAP@5, so that each set counts once whatever its size. */
function setMean(queries: QueryExample[], sets: string[], score: Scorer): number {
  return mean(sets.map((s) => map5(queries.filter((q) => q.set === s), score)));
}

/** The tree shapes LambdaMART grows (--tree-depth keeps one), and its learning rate. */
const TREE_SHAPES = [
  { depth: 4, minLeaf: 50 },
  { depth: 6, minLeaf: 100 },
];
const LEARNING_RATE = 0.05;

/** A tree shape, with the sampling its trees are grown under (--subsample, --feature-fraction, --seed; none by default). */
type TreeShape = { depth: number; minLeaf: number } & Pick<LambdaMartOptions, 'subsample' | 'featureFraction' | 'seed'>;

/**
 * The languages of `treeLanguages` whose learnt queries hold whole pools: a language whose train
 * queries average fewer than 10 candidates (pairs and a BM25 negative) teaches the trees nothing
 * about its pools of 20 to 100.
 */
function poolLanguages(learnt: QueryExample[], treeLanguages: string[]): string[] {
  return treeLanguages.filter((l) => {
    const queries = learnt.filter((q) => q.language === l);
    return queries.length > 0 && queries.reduce((n, q) => n + q.candidates.length, 0) >= 10 * queries.length;
  });
}

function treesName(languages: string[], trees: number, { depth, minLeaf, subsample, featureFraction, seed }: TreeShape): string {
  const sampling = [subsample !== undefined && `${subsample} of the queries`, featureFraction !== undefined && `${featureFraction} of the features`].filter(Boolean);
  return (
    `LambdaMART (${languages.join(', ')}), ${trees} trees of depth ${depth}, ${minLeaf} candidates a leaf, rate ${LEARNING_RATE}` +
    (sampling.length ? `, each tree on ${sampling.join(' and ')} (seed ${seed ?? 1})` : '')
  );
}

/**
 * Grows LambdaMART trees of one shape on `learnt`'s queries of `languages`, on top of the linear
 * model's logit, up to `maxTrees`; at every 20th tree, `checkpoint` gets the trees grown and the
 * logits of `scored`'s candidates (the linear logit, plus the trees' score for those languages).
 */
function growTrees(
  learnt: QueryExample[],
  scored: QueryExample[],
  linear: MatchModel,
  languages: string[],
  maxTrees: number,
  { depth, minLeaf, subsample, featureFraction, seed }: TreeShape,
  checkpoint: (grown: RegressionTree[], logits: Map<QueryExample, number[]>) => void,
): void {
  const pools = learnt.filter((q) => languages.includes(q.language));
  const boosted = scored.filter((q) => languages.includes(q.language));
  const logits = new Map(scored.map((q) => [q, q.candidates.map((c) => logitOf(linear, c.features))]));
  fitLambdaMart(
    pools.map((q) => q.candidates),
    pools.map((q) => q.candidates.map((c) => logitOf(linear, c.features))),
    { trees: maxTrees, depth, learningRate: LEARNING_RATE, minLeaf, subsample, featureFraction, seed },
    (grown) => {
      const tree = grown[grown.length - 1];
      for (const q of boosted) q.candidates.forEach((c, i) => ((logits.get(q) as number[])[i] += treesScore([tree], c.features)));
      if (grown.length % 20 === 0) checkpoint(grown, logits);
    },
  );
}

/**
 * LambdaMART trees on top of the linear model, for the languages with enough training pools: a few
 * tree shapes are grown on those train queries up to `maxTrees`, and the shape and number of trees
 * with the best dev MAP@5 (mean over all the sets) are kept, if they beat the linear model there;
 * null otherwise.
 */
function boost(
  train: QueryExample[],
  dev: QueryExample[],
  linear: MatchModel,
  sets: string[],
  maxTrees: number,
  treeLanguages: string[],
  shapes: TreeShape[],
): { name: string; trees: RegressionTree[]; languages: string[] } | null {
  const linearMap = setMean(dev, sets, (f) => logitOf(linear, f));
  const languages = poolLanguages(train, treeLanguages);
  if (!languages.length) return null;
  let best: { name: string; trees: RegressionTree[]; map: number } | null = null;
  for (const shape of shapes) {
    growTrees(train, dev, linear, languages, maxTrees, shape, (grown, logits) => {
      const score: Scorer = (_f, q, i) => (logits.get(q) as number[])[i];
      const map = setMean(dev, sets, score);
      const name = treesName(languages, grown.length, shape);
      const perSet = sets.map((s) => `${s} ${map5(dev.filter((q) => q.set === s), score).toFixed(4)}`).join(', ');
      console.log(`  ${name}: dev MAP@5 ${map.toFixed(4)} (linear ${linearMap.toFixed(4)}; ${perSet})`);
      if (map > (best?.map ?? linearMap)) best = { name, trees: [...grown], map };
    });
  }
  const chosen = best as { name: string; trees: RegressionTree[]; map: number } | null;
  if (!chosen) return null;
  console.log(`kept ${chosen.name}: dev MAP@5 ${chosen.map.toFixed(4)} (mean over the sets) against ${linearMap.toFixed(4)} for the linear model`);
  return { ...chosen, languages };
}

/** The linear model of one objective and L2 penalty fitted on the queries' candidates, not yet calibrated. */
function fitLinear(queries: QueryExample[], objective: string, lambda: number, features: string[], precisionTarget: number): MatchModel {
  // Pointwise: each candidate against its label. Pairwise: each relevant candidate against each
  // other candidate of its query (the difference of their features), so that only the order within
  // a query is learnt, which is what MAP@5 rewards; each query's pairs weigh 1 in all.
  const rows = queries.flatMap((q) => q.candidates);
  const data =
    objective === 'pairwise'
      ? pairwiseDifferences(queries.map((q) => q.candidates))
      : { rows: rows.map((c) => c.features), labels: rows.map((c) => c.label), weight: undefined };
  const fit = fitLogistic(data.rows, data.labels, { lambda, weight: data.weight });
  return { features, ...fit, platt: { a: 1, b: 0 }, threshold: 0.5, precisionTarget, trainedOn: '', dev: {} };
}

/**
 * The fold of a dev query: a hash of its language and id, so that its twin pools (EN 2021's and EN
 * 2022's, with and without its right claims) share it. `foldSeed` (--fold-seed) hashes it with the
 * seed too, for another split of the same queries; none gives the split the folds always had.
 */
export function foldOf(q: Pick<QueryExample, 'language' | 'queryId'>, folds: number, foldSeed?: number): number {
  let h = 2166136261;
  for (const ch of `${foldSeed === undefined ? '' : `${foldSeed} `}${q.language} ${q.queryId ?? ''}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) % folds;
}

/** A model's logits at each checkpoint ("linear", then "depth/trees"), for each scored pool. */
type CheckpointLogits = Map<string, Map<QueryExample, number[]>>;

/**
 * The logits of `scored`'s candidates under the linear model `fit` makes of `learnt` and under the trees
 * grown on top of it at every 20th tree, for each tree shape.
 */
function checkpointLogits(
  learnt: QueryExample[],
  scored: QueryExample[],
  fit: (learnt: QueryExample[]) => MatchModel,
  maxTrees: number,
  treeLanguages: string[],
  shapes: TreeShape[],
): CheckpointLogits {
  const linear = fit(learnt);
  const out: CheckpointLogits = new Map([['linear', new Map(scored.map((q) => [q, q.candidates.map((c) => logitOf(linear, c.features))]))]]);
  const languages = poolLanguages(learnt, treeLanguages);
  if (!languages.length || maxTrees <= 0) return out;
  for (const shape of shapes)
    growTrees(learnt, scored, linear, languages, maxTrees, shape, (grown, logits) => {
      out.set(`${shape.depth}/${grown.length}`, new Map([...logits].map(([q, l]) => [q, [...l]])));
    });
  return out;
}

/**
 * Cross-fitting over the dev queries: for each of `folds` folds, the model learns from the train
 * queries and the other folds' dev queries, and scores that fold's dev pools at every checkpoint.
 * Each dev pool thus gets out-of-fold logits from a model that never saw its query.
 */
function outOfFoldLogits(
  train: QueryExample[],
  learnableDev: QueryExample[],
  devPools: QueryExample[],
  folds: number,
  foldSeed: number | undefined,
  fit: (learnt: QueryExample[]) => MatchModel,
  maxTrees: number,
  treeLanguages: string[],
  shapes: TreeShape[],
): CheckpointLogits {
  const out: CheckpointLogits = new Map();
  for (let k = 0; k < folds; k++) {
    const learnt = [...train, ...learnableDev.filter((q) => foldOf(q, folds, foldSeed) !== k)];
    const scored = devPools.filter((q) => foldOf(q, folds, foldSeed) === k);
    console.log(`  fold ${k + 1}/${folds}: learns from ${learnt.length} queries, scores ${scored.length} dev pools`);
    for (const [checkpoint, logits] of checkpointLogits(learnt, scored, fit, maxTrees, treeLanguages, shapes)) {
      const all = out.get(checkpoint) ?? new Map<QueryExample, number[]>();
      for (const [q, l] of logits) all.set(q, l);
      out.set(checkpoint, all);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const dir = resolve(positional[0] ?? join(__dirname, '..', '..', 'shared', 'datasets'));
  const cache = option('--features');
  const precisionTarget = Number(option('--precision') ?? 0.9);

  let examples: QueryExample[] =
    cache && existsSync(cache) ? JSON.parse(readFileSync(cache, 'utf8')) : await extract(dir, option('--language'), Number(option('--arabic-train-pool') ?? ARABIC_TRAIN_POOL));
  if (cache && !existsSync(cache)) writeFileSync(cache, JSON.stringify(examples));
  const sentenceVectors = option('--sentence-vectors');
  // Arabic queries come with the Arabic features too (arabicPoolFeatures): the Arabic model weighs
  // them, a model of all the languages reads only the shared ones.
  const arabic = option('--language') === 'ar';
  // --extra-columns a,b: the features file carries these columns after FEATURE_NAMES (appended by a trial script).
  const extraColumns = (option('--extra-columns') ?? '').split(',').filter(Boolean);
  const featureNames: string[] = [...FEATURE_NAMES, ...extraColumns, ...(sentenceVectors ? SENTENCE_FEATURE_NAMES : []), ...(arabic ? ARABIC_FEATURE_NAMES : [])];
  const kept = FEATURE_NAMES.length + extraColumns.length;
  if (!arabic) examples = examples.map((q) => ({ ...q, candidates: q.candidates.map((c) => ({ ...c, features: c.features.slice(0, kept) })) }));
  if (sentenceVectors) examples = await withSentenceFeatures(examples, dir, sentenceVectors);
  if (option('--language')) examples = examples.filter((q) => q.language === option('--language'));
  // The pools stripped of their right claims calibrate the score; --no-match-train learns from them too.
  const train = examples.filter((q) => q.split === 'train' && !(q.noMatch && !args.includes('--no-match-train')));
  // Rankings are chosen on the pools that hold an answer; the score is calibrated on all of them.
  const devPools = examples.filter((q) => q.split === 'dev');
  const dev = devPools.filter((q) => !q.noMatch);
  // The sets models are judged on: those with dev queries (a train-only set has no dev MAP@5).
  const sets = [...new Set(dev.map((q) => q.set))];
  const rows = train.flatMap((q) => q.candidates);

  const bm25Index = FEATURE_NAMES.indexOf('bm25');
  const report = (name: string, score: Scorer) =>
    `${name.padEnd(22)} dev MAP@5 ${map5(dev, score).toFixed(3)}  (${sets.map((s) => `${s} ${map5(dev.filter((q) => q.set === s), score).toFixed(3)}`).join(', ')})`;
  console.log(report('BM25 (pool order)', (f) => f[bm25Index]));

  const objectives = [
    { name: 'logistic', key: 'pointwise' },
    { name: 'pairwise logistic', key: 'pairwise' },
  ].filter((o) => !option('--objective') || o.key === option('--objective'));
  const lambdas = option('--lambda') ? [Number(option('--lambda'))] : [0.01, 0.1, 1, 10, 100];
  let best: { lambda: number; objective: string; model: MatchModel; map: number } | null = null;
  for (const objective of objectives) {
    for (const lambda of lambdas) {
      const model = fitLinear(train, objective.key, lambda, featureNames, precisionTarget);
      const map = map5(dev, (f) => logitOf(model, f));
      console.log(report(`${objective.name}, L2 ${lambda}`, (f) => logitOf(model, f)));
      if (!best || map > best.map) best = { lambda, objective: objective.name, model, map };
    }
  }
  if (!best) throw new Error('No training data found');
  const linear = best.model;
  // The shared model's trees are for the English pools it scores: Arabic pools of ten texts or more
  // are scored by the Arabic model (match-weights-ar.json), so trees grown on AR 2021's pools of 50
  // would only reach the short Arabic pools they never saw.
  const treeLanguages = (option('--tree-languages') ?? (arabic ? 'ar' : 'en')).split(',').filter(Boolean);
  const depths = (option('--tree-depth') ?? '4,6').split(',').map(Number);
  // Stochastic boosting (off by default): each tree grown on a seeded sample of the queries and of the features.
  const numeric = (name: string) => (option(name) === undefined ? undefined : Number(option(name)));
  const sampling = { subsample: numeric('--subsample'), featureFraction: numeric('--feature-fraction'), seed: numeric('--seed') };
  const shapes: TreeShape[] = TREE_SHAPES.filter((s) => depths.includes(s.depth)).map((s) => ({ ...s, ...sampling }));
  const foldSeed = numeric('--fold-seed');
  const maxTrees = option('--trees') === '0' ? 0 : Number(option('--trees') ?? 200);
  // The logits each dev pool is calibrated on: the model's own, or out of fold (--dev-folds).
  let devLogits: (q: QueryExample) => number[];
  const folds = Number(option('--dev-folds') ?? 0);
  // The dev pools a model may learn from (--dev-folds): those train pools would be.
  const learnableDev = devPools.filter((q) => !(q.noMatch && !args.includes('--no-match-train')));
  if (folds > 1) {
    // Cross-fitting: the model learns from the train and dev queries; the tree count is chosen, and
    // the score calibrated, on the dev pools' out-of-fold logits. The objective and L2 stay fixed.
    if (objectives.length !== 1 || lambdas.length !== 1) throw new Error('--dev-folds needs --objective and --lambda');
    const { key, name } = objectives[0];
    const lambda = lambdas[0];
    const fit = (queries: QueryExample[]) => fitLinear(queries, key, lambda, featureNames, precisionTarget);
    const sizes = [...Array(folds).keys()].map((k) => dev.filter((q) => foldOf(q, folds, foldSeed) === k).length);
    console.log(`${folds}-fold cross-fitting over the dev queries (answered pools a fold: ${sizes.join(', ')})`);
    // --no-train-only skips the train-only model printed beside the out-of-fold one (one fit fewer).
    const trainOnly: CheckpointLogits = args.includes('--no-train-only') ? new Map() : checkpointLogits(train, dev, fit, maxTrees, treeLanguages, shapes);
    const oof = outOfFoldLogits(train, learnableDev, devPools, folds, foldSeed, fit, maxTrees, treeLanguages, shapes);
    const scoreOf =
      (logits: Map<QueryExample, number[]> | undefined): Scorer =>
      (_f, q, i) =>
        (logits?.get(q) as number[])[i];
    const line = (logits: Map<QueryExample, number[]> | undefined) =>
      !logits
        ? '-'
        : `${setMean(dev, sets, scoreOf(logits)).toFixed(4)} (${sets.map((s) => `${s} ${map5(dev.filter((q) => q.set === s), scoreOf(logits)).toFixed(4)}`).join(', ')})`;
    console.log('dev MAP@5, mean over the sets: out of fold (train + the other dev folds) | train only (the dev queries as they are)');
    let chosen = { checkpoint: 'linear', map: -Infinity };
    for (const [checkpoint, logits] of oof) {
      console.log(`  ${checkpoint.padEnd(7)} ${line(logits)} | ${line(trainOnly.get(checkpoint))}`);
      const map = setMean(dev, sets, scoreOf(logits));
      if (map > chosen.map) chosen = { checkpoint, map };
    }
    // The final model: train + all the dev queries, at the chosen tree count.
    const all = [...train, ...learnableDev];
    let model = fit(all);
    let objective = name;
    if (chosen.checkpoint !== 'linear') {
      const [depth, count] = chosen.checkpoint.split('/').map(Number);
      const shape = shapes.find((s) => s.depth === depth) as (typeof shapes)[number];
      const languages = poolLanguages(all, treeLanguages);
      let trees: RegressionTree[] = [];
      growTrees(all, [], model, languages, count, shape, (grown) => (trees = [...grown]));
      model = { ...model, trees, treeLanguages: languages };
      objective = `${name} + ${treesName(languages, count, shape)}`;
    }
    const logits = oof.get(chosen.checkpoint) as Map<QueryExample, number[]>;
    console.log(`kept ${objective}: out-of-fold dev MAP@5 ${chosen.map.toFixed(4)} (mean over the sets)`);
    console.log(report('out of fold', scoreOf(logits)));
    best = { lambda, objective, model, map: map5(dev, scoreOf(logits)) };
    devLogits = (q) => logits.get(q) as number[];
  } else {
    const boosted = maxTrees ? boost(train, dev, linear, sets, maxTrees, treeLanguages, shapes) : null;
    if (boosted) {
      const model = { ...linear, trees: boosted.trees, treeLanguages: boosted.languages };
      best = { ...best, objective: `${best.objective} + ${boosted.name}`, model, map: map5(dev, (f, q) => logitOf(model, f, q.language)) };
      console.log(report('with the trees', (f, q) => logitOf(model, f, q.language)));
    }
    const { model } = best;
    devLogits = (q) => q.candidates.map((c) => logitOf(model, c.features, q.language));
  }

  // Each dev query counts once in the calibration: EN 2021's dev queries are EN 2022's over the 2021
  // collection, so only the first set that holds a query (EN 2022) calibrates it; EN 2021 stays judged.
  // A model routed to one language's pools is calibrated on that language's (--calibrate-on).
  const seen = new Set<string>();
  const calibrateOn = option('--calibrate-on');
  const calibrationPools = devPools.filter((q) => {
    if (calibrateOn && q.language !== calibrateOn) return false;
    const key = q.queryId && `${q.language} ${q.queryId} ${q.noMatch ?? false}`;
    if (!key) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  console.log(`calibration: ${calibrationPools.length} of the ${devPools.length} dev pools (each dev query once)`);
  const devPairs = calibrationPools.flatMap((q) => q.candidates);
  const logits = calibrationPools.flatMap(devLogits);
  const bestLogits = calibrationPools.flatMap((q) => {
    const top = Math.max(...devLogits(q));
    return q.candidates.map(() => top);
  });
  const labels = devPairs.map((c) => c.label);
  const plain = fitPlatt(logits, labels);
  const withPool = fitPoolPlatt(logits, bestLogits, labels);
  const aucOf = (platt: MatchModel['platt']) => rocAuc(logits.map((l, i) => probabilityOf({ ...best.model, platt }, l, bestLogits[i])), labels);
  console.log(`Platt scaling: dev AUC ${aucOf(plain).toFixed(3)} on the logit alone, ${aucOf(withPool).toFixed(3)} with its distance below the pool's best`);
  const platt = aucOf(withPool) > aucOf(plain) ? withPool : { ...plain, c: 0 };
  const model: MatchModel = { ...best.model, platt };
  const probabilities = logits.map((l, i) => probabilityOf(model, l, bestLogits[i]));
  // The threshold is chosen as every model's is, on the pools that hold an answer (CheckThat!'s
  // no-match pools are mostly near-duplicates of a right claim the qrels do not list, so counting
  // their best as wrong would ask for a score near 1); the no-match pools only calibrate.
  const answered = calibrationPools.flatMap((q) => q.candidates.map(() => !q.noMatch));
  const totalRelevant = calibrationPools.reduce((n, q) => n + q.relevant, 0);
  const at = thresholdForPrecision(
    probabilities.filter((_, i) => answered[i]),
    labels.filter((_, i) => answered[i]),
    precisionTarget,
    totalRelevant,
  );
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const final: MatchModel = {
    features: model.features,
    mean: model.mean.map(round),
    scale: model.scale.map(round),
    weights: model.weights.map(round),
    bias: round(model.bias),
    ...(model.trees && {
      treeLanguages: model.treeLanguages,
      trees: model.trees.map((t) => roundedTree(t)),
    }),
    platt: { a: round(platt.a), b: round(platt.b), c: round(platt.c) },
    threshold: Math.round(at.threshold * 1000) / 1000,
    precisionTarget,
    trainedOn:
      folds > 1
        ? `CheckThat! train and dev splits (${[...new Set(train.map((q) => q.set))].join(', ')}; dev ${sets.join(', ')}): ${train.length} train and ${learnableDev.length} dev queries, ${rows.length + learnableDev.reduce((n, q) => n + q.candidates.length, 0)} candidates; ${best.objective}, L2 ${best.lambda}; ${maxTrees ? 'the tree count chosen and ' : ''}Platt scaling fitted on the out-of-fold logits of ${folds}-fold cross-fitting over the dev queries (${calibrationPools.filter((q) => !q.noMatch).length} queries calibrate); the dev figures are out of fold`
        : `CheckThat! train splits (${[...new Set(train.map((q) => q.set))].join(', ')}): ${train.length} queries, ${rows.length} candidates; ${best.objective}, L2 ${best.lambda} chosen and Platt scaling fitted on dev (${calibrationPools.filter((q) => !q.noMatch).length} queries)`,
    dev: {
      map5: round(best.map),
      auc: round(rocAuc(probabilities, labels)),
      precisionAtThreshold: round(at.precision),
      recallAtThreshold: round(at.recall),
      ...(folds > 1 && { outOfFoldFolds: folds }),
      ...(folds > 1 && foldSeed !== undefined && { foldSeed }),
    },
  };
  const out = option('--out') ?? join(__dirname, '..', 'libs', 'linking', 'src', arabic ? 'match-weights-ar.json' : 'match-weights.json');
  const committed = (file: string): MatchModel => JSON.parse(readFileSync(join(__dirname, '..', 'libs', 'linking', 'src', file), 'utf8'));
  const shared = committed('match-weights.json');
  // The committed model of the same file name (match-weights-en.json for --out .../match-weights-en.json).
  const previous = existsSync(join(__dirname, '..', 'libs', 'linking', 'src', basename(out))) ? committed(basename(out)) : arabic ? committed('match-weights-ar.json') : shared;
  // Whether the retraining reproduces the committed model: both scored on these same features
  // (with --dev-folds, this model has learnt from these dev queries).
  if (previous.features.length === featureNames.length) {
    console.log(report('previous model', (f, q) => logitOf(previous, f, q.language)));
    console.log(report(folds > 1 ? 'this model (saw dev)' : 'this model', (f, q) => logitOf(final, f, q.language)));
  }
  reportSuggestions(calibrationPools, [
    { name: 'previous model', model: previous },
    { name: 'this model', model: final },
    { name: 'shared model', model: shared },
  ]);
  writeFileSync(out, formatModel(final));
  console.log(`${best.objective}, L2 ${best.lambda}; dev AUC ${final.dev.auc}; threshold ${final.threshold}: precision ${at.precision.toFixed(3)}, recall ${at.recall.toFixed(3)}`);
  console.log(`written ${out}`);
}

// Run as a script (npm run train:matcher), not when a trial script imports foldOf.
if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
