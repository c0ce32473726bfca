/**
 * Scores claim matching on a labelled linking set (default eval/linking/linking-set.json):
 *
 *   npm run eval:linking -- [FILE...] [--verbose] [--json] [--pairs OUT] [--one-language LANG]
 *
 * FILE is {"claims": [{"id", "appearances": [{"lang", "outlet", "text"}]}],
 *          "queries": [{"id", "lang", "outlet", "text", "same_as": [claim ids], "group"?}]}.
 * Every appearance is captured as an article of its outlet and annotated through the services
 * the API uses (ArticlesService.capture, ClaimsService.annotate: a claim's first appearance creates
 * it, the others attach to it), into a fresh database: in-memory PGlite, or a new schema on
 * DATABASE_URL, dropped afterwards. Each query then goes through ClaimMatcherService.match.
 *
 * Prints MAP@5, Recall@1 and Recall@5 over queries with a same_as (on the full ranking, and
 * counting only suggestions at or above the suggestion threshold), and the false-match rate: the
 * share of queries with an empty same_as for which some claim is suggested at the threshold. Then
 * one line each for all queries, the cross-language ones and every `group`: MAP@5, Recall@5,
 * precision and recall of the (query, claim) pairs scored at or above the threshold, the score's
 * AUC over the returned pairs, and how many CONTRADICTS were offered; the same line for every
 * `kind` when queries carry one (contradictions-dev.json names what each query changes: figure,
 * negation, direction, other event, other actor...). --json prints all of it as JSON.
 *
 * Several FILEs: each is loaded into a database of its own and reported as above, then the same
 * lines for their union (the queries pooled, each matched against its own set's claims): the
 * fact-checkers' dev sets together. --pairs OUT writes every returned (query, claim) pair's score,
 * threshold and label, per set, for `npm run calibrate:matcher`. --one-language LANG loads instead
 * the LANG texts of every FILE into one collection and scores the LANG queries against it
 * (oneLanguageSet): the pools a one-language newsroom has, which the English and Arabic models score.
 *
 * Matching is configured from the environment as the API's is (EMBEDDINGS_URL, SENTENCE_ENCODER):
 * with an encoder, every loaded claim text is embedded before the first query, so that the pools
 * are scored as they would be once the embedding worker has caught up. A pair counts as suggested
 * from the threshold of the model that scored it (the sentence model has its own).
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ArticlesService } from '@isnad/articles';
import { ClaimsService } from '@isnad/claims';
import {
  ClaimEmbeddingsWorker,
  ClaimMatchResult,
  ClaimMatcherService,
  MatchReasonKind,
  SENTENCE_SUGGESTION_THRESHOLD,
  SUGGESTION_THRESHOLD,
  averagePrecisionAt,
  mean,
  precisionRecallAt,
  recallAt,
  linkingConfigFromEnv,
  rocAuc,
  usesLocalSentences,
} from '@isnad/linking';
import { codePointLength } from '@isnad/text';
import { withFreshApp } from './fresh-app';

interface LinkingSet {
  claims: { id: string; appearances: { lang: string; outlet: string; text: string }[] }[];
  queries: { id: string; lang: string; outlet: string; text: string; same_as: string[]; group?: string; kind?: string }[];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const json = args.includes('--json');
  const pairsFile = args.includes('--pairs') ? args[args.indexOf('--pairs') + 1] : null;
  const oneLanguage = args.includes('--one-language') ? args[args.indexOf('--one-language') + 1] : null;
  const given = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--pairs' && args[i - 1] !== '--one-language');
  const files = (given.length ? given : [resolve(__dirname, '..', 'eval', 'linking', 'linking-set.json')]).map((f) => resolve(f));
  // The embedding loop is off: the texts are embedded below, all of them before the first query.
  const linking = linkingConfigFromEnv(process.env, false);

  const runs: SetRun[] = [];
  const sets = oneLanguage ? [oneLanguageSet(files, oneLanguage)] : files.map((file) => ({ file, set: JSON.parse(readFileSync(file, 'utf8')) as LinkingSet }));
  for (const { file, set } of sets) {
    const run = await runSet(file, set, linking, verbose);
    runs.push(run);
    if (!json) report(run, linking);
  }
  // Several sets: their queries pooled, each still matched against its own set's claims.
  const union: SetRun | null =
    runs.length > 1
      ? {
          file: `union of ${runs.length} sets (${runs.map((r) => basename(r.file)).join(', ')})`,
          set: { claims: runs.flatMap((r) => r.set.claims), queries: runs.flatMap((r) => r.set.queries) },
          claimsLoaded: runs.reduce((n, r) => n + r.claimsLoaded, 0),
          outcomes: runs.flatMap((r) => r.outcomes),
          elapsed: runs.reduce((n, r) => n + r.elapsed, 0),
        }
      : null;
  if (json) {
    const summaries = runs.map((r) => jsonSummary(r, linking));
    console.log(JSON.stringify(union ? { sets: summaries, union: jsonSummary(union, linking) } : summaries[0], null, 2));
  } else if (union) {
    console.log('');
    report(union, linking);
  }
  if (pairsFile) {
    const pairs: ScoredPairs = {
      threshold: SUGGESTION_THRESHOLD,
      sets: runs.map((r) => ({
        file: r.file,
        queries: r.outcomes.map((o) => ({ id: o.query.id, group: o.query.group ?? null, kind: o.query.kind ?? null, sameAs: o.query.same_as, pairs: o.pairs })),
      })),
    };
    writeFileSync(pairsFile, JSON.stringify(pairs));
  }
}

/** Every returned pair of every query of the sets, for calibrating the threshold (scripts/calibrate-match-threshold.ts). */
export interface ScoredPairs {
  /** The lexical model's threshold when the pairs were scored. */
  threshold: number;
  sets: { file: string; queries: { id: string; group: string | null; kind: string | null; sameAs: string[]; pairs: QueryOutcome['pairs'] }[] }[];
}

interface SetRun {
  file: string;
  set: LinkingSet;
  claimsLoaded: number;
  outcomes: QueryOutcome[];
  elapsed: number;
}

/** Loads one labelled set into a fresh database and matches each of its queries. */
/**
 * --one-language LANG: the texts in LANG of every given set, in one collection, as a fact-checker
 * working in one language has it (every claim keeps its appearances in LANG; a query in LANG is kept
 * when its claim still has one; ids are prefixed by their set's file name). A pool of such a
 * collection holds one language's texts only, which the mixed sets never give (the English and
 * Arabic models score only such pools).
 */
function oneLanguageSet(files: string[], language: string): { file: string; set: LinkingSet } {
  const claims: LinkingSet['claims'] = [];
  const queries: LinkingSet['queries'] = [];
  for (const file of files) {
    const set = JSON.parse(readFileSync(file, 'utf8')) as LinkingSet;
    const id = (label: string) => `${basename(file, '.json')}:${label}`;
    const kept = new Set<string>();
    for (const claim of set.claims) {
      const appearances = claim.appearances.filter((a) => a.lang === language);
      if (!appearances.length) continue;
      claims.push({ id: id(claim.id), appearances });
      kept.add(claim.id);
    }
    for (const query of set.queries) {
      if (query.lang !== language || query.same_as.some((c) => !kept.has(c))) continue;
      queries.push({ ...query, id: id(query.id), same_as: query.same_as.map(id) });
    }
  }
  return { file: `the ${language} texts of ${files.map((f) => basename(f)).join(', ')}`, set: { claims, queries } };
}

async function runSet(file: string, set: LinkingSet, linking: ReturnType<typeof linkingConfigFromEnv>, verbose: boolean): Promise<SetRun> {
  return withFreshApp(async (app) => {
    const articles = app.get(ArticlesService);
    const claims = app.get(ClaimsService);
    const matcher = app.get(ClaimMatcherService);

    // Labelled claim id → the claim the services created.
    const claimIds = new Map<string, string>();
    for (const claim of set.claims) {
      for (const [n, appearance] of claim.appearances.entries()) {
        const { article, revision } = await articles.capture({
          url: `https://${slug(appearance.outlet)}.example/eval/${encodeURIComponent(claim.id)}-${n}`,
          text: appearance.text,
          language: appearance.lang,
          keepBoilerplate: true,
        });
        const annotated = await claims.annotate({
          articleId: article.id,
          selector: { start: 0, end: codePointLength(revision.text) },
          claimId: claimIds.get(claim.id),
        });
        claimIds.set(claim.id, annotated.claimId);
      }
    }
    const labelOf = new Map([...claimIds].map(([label, id]) => [id, label]));
    const embedder = app.get(ClaimEmbeddingsWorker);
    while ((await embedder.runOnce()) > 0);

    // Queries whose language none of their claims' appearances share: reachable only through the
    // word-by-word translation, a recorded translation or an embedding encoder, so reported apart.
    const languagesOf = new Map(set.claims.map((c) => [c.id, new Set(c.appearances.map((a) => a.lang))]));
    const outcomes: QueryOutcome[] = [];
    const started = Date.now();
    const described = (m: ClaimMatchResult) => `${labelOf.get(m.claimId)}:${m.score}:${m.relation}[${m.reasons.map((r) => r.kind).join(',')}]`;
    for (const query of set.queries) {
      const matches = await matcher.match(query.text, { language: query.lang, first: 5, minScore: 0 });
      const ranked = matches.map((m) => labelOf.get(m.claimId) ?? m.claimId);
      const relevant = new Set(query.same_as);
      // What a fact-checker is offered: the API's default cut (SAME at the threshold, and CONTRADICTS as close).
      const offered = await matcher.match(query.text, { language: query.lang, first: 5 });
      const suggested = offered.filter((m) => m.relation === 'SAME');
      outcomes.push({
        query,
        ranked,
        suggested: suggested.map((m) => labelOf.get(m.claimId) ?? m.claimId),
        pairs: matches.map((m, i) => ({ score: m.score, threshold: m.threshold, label: relevant.has(ranked[i]) ? 1 : 0, relation: m.relation })),
        contradicts: offered.filter((m) => m.relation === 'CONTRADICTS').length,
        // Without a match: the best candidate; with one: the query's claim, when it is returned.
        withheldAs: (relevant.size ? matches.find((m, i) => relevant.has(ranked[i])) : matches[0])?.reasons.find((r) => WITHHELD_REASONS.has(r.kind))?.kind ?? null,
        crossLanguage: relevant.size > 0 && !query.same_as.some((id) => languagesOf.get(id)?.has(query.lang)),
      });
      if (verbose && (relevant.size ? ranked[0] !== query.same_as[0] : suggested.length) ) {
        console.log(`${relevant.size ? 'miss' : 'false match'} ${query.id} want ${query.same_as} got ${matches.map(described).join(' ')}`);
      } else if (verbose && relevant.size && !suggested.some((m) => labelOf.get(m.claimId) === query.same_as[0])) {
        console.log(`not suggested ${query.id} want ${query.same_as} got ${matches.map(described).join(' ')}`);
      }
    }
    return { file, set, claimsLoaded: claimIds.size, outcomes, elapsed: Date.now() - started };
  }, linking);
}

function jsonSummary(run: SetRun, linking: ReturnType<typeof linkingConfigFromEnv>) {
  const { all, within, cross, byGroup, byKind } = summaries(run);
  return {
    file: run.file,
    threshold: SUGGESTION_THRESHOLD,
    sentenceThreshold: usesLocalSentences(linking) ? SENTENCE_SUGGESTION_THRESHOLD : null,
    all,
    sameLanguage: within,
    crossLanguage: cross,
    groups: byGroup,
    kinds: byKind,
    msPerQuery: run.elapsed / run.set.queries.length,
  };
}

function summaries({ set, outcomes }: SetRun) {
  const groups = [...new Set(set.queries.flatMap((q) => (q.group ? [q.group] : [])))].sort();
  const kinds = [...new Set(set.queries.flatMap((q) => (q.kind ? [q.kind] : [])))].sort();
  return {
    all: summarise(outcomes),
    within: summarise(outcomes.filter((o) => o.query.same_as.length && !o.crossLanguage)),
    cross: summarise(outcomes.filter((o) => o.crossLanguage)),
    byGroup: Object.fromEntries(groups.map((g) => [g, summarise(outcomes.filter((o) => o.query.group === g))])),
    byKind: Object.fromEntries(kinds.map((k) => [k, summarise(outcomes.filter((o) => o.query.kind === k))])),
  };
}

function report(run: SetRun, linking: ReturnType<typeof linkingConfigFromEnv>): void {
  const { set, outcomes, file, elapsed } = run;
  const { all, within, cross, byGroup, byKind } = summaries(run);
  const pct = (x: number) => x.toFixed(3);
  console.log(`linking set: ${file}`);
  console.log(`${set.claims.length} claims, ${run.claimsLoaded} loaded; ${all.withMatch} queries with a match, ${all.withoutMatch} without`);
  console.log(`suggestion threshold: ${SUGGESTION_THRESHOLD}`);
  if (usesLocalSentences(linking)) console.log(`sentence encoder: local; pools scored with sentence vectors suggest from ${SENTENCE_SUGGESTION_THRESHOLD}`);
  console.log(`ranking      MAP@5 ${pct(all.map5)}  Recall@1 ${pct(all.recall1)}  Recall@5 ${pct(all.recall5)}`);
  console.log(`suggestions  MAP@5 ${pct(all.map5AtThreshold)}  Recall@1 ${pct(all.recall1AtThreshold)}  Recall@5 ${pct(all.recall5AtThreshold)}  (only scores >= threshold)`);
  console.log(
    `  of which ${within.withMatch} have a claim text in their language: MAP@5 ${pct(within.map5)}  Recall@1 ${pct(within.recall1)}  ` +
      `Recall@5 ${pct(within.recall5)}; at threshold Recall@1 ${pct(within.recall1AtThreshold)}`,
  );
  console.log(
    `  and ${cross.withMatch} only in another language (no translation recorded): MAP@5 ${pct(cross.map5)}  ` +
      `Recall@1 ${pct(cross.recall1)}  Recall@5 ${pct(cross.recall5)}`,
  );
  console.log(`false-match rate ${pct(all.falseMatchRate)} (${all.falseMatches}/${all.withoutMatch} queries without a match got a suggestion)`);
  console.log(`matching: ${(elapsed / set.queries.length).toFixed(1)} ms per query`);
  console.log(line('all queries', all));
  console.log(line('cross-language', cross));
  for (const g of Object.keys(byGroup)) console.log(line(`group ${g}`, byGroup[g]));
  for (const k of Object.keys(byKind)) console.log(line(`kind ${k}`, byKind[k]));
  console.log(withheldLine(outcomes));
  if (usesLocalSentences(linking)) {
    const scored = outcomes.filter((o) => o.pairs.some((p) => p.threshold === SENTENCE_SUGGESTION_THRESHOLD)).length;
    console.log(`pools scored with sentence vectors: ${scored} of ${outcomes.length} queries (the others lexically: a text of the pool without a vector)`);
  }
}

interface QueryOutcome {
  query: LinkingSet['queries'][number];
  ranked: string[];
  suggested: string[];
  /** Every returned (first 5) candidate's score, and whether it is one of the query's claims. */
  pairs: { score: number; threshold: number; label: number; relation: string }[];
  contradicts: number;
  crossLanguage: boolean;
  /** Why the best candidate (the query's claim, when it has one) was withheld as another story, if it was. */
  withheldAs: string | null;
}

const WITHHELD_REASONS = new Set<string>([MatchReasonKind.OTHER_EVENT, MatchReasonKind.OTHER_ACTOR]);

/**
 * How often a candidate is withheld as another story, with the reason the API gives: the best one
 * of each query without a match (the more the better), the query's own claim otherwise (each one a
 * true match held back).
 */
function withheldLine(outcomes: QueryOutcome[]): string {
  const count = (list: QueryOutcome[], kind?: string) => list.filter((o) => (kind ? o.withheldAs === kind : o.withheldAs !== null)).length;
  const negatives = outcomes.filter((o) => !o.query.same_as.length);
  const matched = outcomes.filter((o) => o.query.same_as.length);
  return (
    `withheld as another story (best candidate): ${count(negatives)} of ${negatives.length} without a match ` +
    `(OTHER_EVENT ${count(negatives, MatchReasonKind.OTHER_EVENT)}, OTHER_ACTOR ${count(negatives, MatchReasonKind.OTHER_ACTOR)}); ` +
    `their claim for ${count(matched)} of ${matched.length} with a match`
  );
}

/** Every metric of a set of queries: ranking, suggestions at the threshold, pair precision/recall, AUC. */
function summarise(outcomes: QueryOutcome[]) {
  const matched = outcomes.filter((o) => o.query.same_as.length);
  const negatives = outcomes.filter((o) => !o.query.same_as.length);
  const over = (f: (o: QueryOutcome, relevant: Set<string>) => number) => mean(matched.map((o) => f(o, new Set(o.query.same_as))));
  const pairs = outcomes.flatMap((o) => o.pairs);
  const relevantTotal = matched.reduce((n, o) => n + o.query.same_as.length, 0);
  // Each pair against the threshold of the model that scored it: 1 when suggested.
  const suggested = pairs.map((p) => (p.score >= p.threshold ? 1 : 0));
  const pr = precisionRecallAt(
    suggested,
    pairs.map((p) => p.label),
    1,
    relevantTotal,
  );
  const falseMatches = negatives.filter((o) => o.suggested.length).length;
  return {
    queries: outcomes.length,
    withMatch: matched.length,
    withoutMatch: negatives.length,
    map5: over((o, r) => averagePrecisionAt(5, o.ranked, r)),
    recall1: over((o, r) => recallAt(1, o.ranked, r)),
    recall5: over((o, r) => recallAt(5, o.ranked, r)),
    map5AtThreshold: over((o, r) => averagePrecisionAt(5, o.suggested, r)),
    recall1AtThreshold: over((o, r) => recallAt(1, o.suggested, r)),
    recall5AtThreshold: over((o, r) => recallAt(5, o.suggested, r)),
    // No pair at the threshold: precision is undefined, not perfect.
    precisionAtThreshold: suggested.some(Boolean) ? pr.precision : null,
    recallAtThreshold: pr.recall,
    auc: rocAuc(
      pairs.map((p) => p.score),
      pairs.map((p) => p.label),
    ),
    falseMatches,
    falseMatchRate: negatives.length ? falseMatches / negatives.length : 0,
    contradictsSuggested: outcomes.reduce((n, o) => n + o.contradicts, 0),
  };
}

function line(name: string, m: ReturnType<typeof summarise>): string {
  const f = (x: number | null) => (x === null ? '-' : x.toFixed(3));
  return (
    `${name.padEnd(22)} ${m.withMatch} with a match, ${m.withoutMatch} without: MAP@5 ${f(m.map5)}  Recall@5 ${f(m.recall5)}; ` +
    `at threshold precision ${f(m.precisionAtThreshold)} recall ${f(m.recallAtThreshold)}; AUC ${f(m.auc)}; ` +
    `false-match rate ${f(m.falseMatchRate)}; CONTRADICTS offered ${m.contradictsSuggested}`
  );
}

function slug(outlet: string): string {
  return outlet.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'outlet';
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
