/**
 * Scores claim matching on a labelled linking set (default eval/linking/linking-set.json):
 *
 *   npm run eval:linking -- [FILE] [--verbose] [--json]
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
 * Matching is configured from the environment as the API's is (EMBEDDINGS_URL, SENTENCE_ENCODER):
 * with an encoder, every loaded claim text is embedded before the first query, so that the pools
 * are scored as they would be once the embedding worker has caught up. A pair counts as suggested
 * from the threshold of the model that scored it (the sentence model has its own, and scores the
 * texts of a pool that have a vector; the others are scored by the usual model).
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ArticlesService } from '@isnad/articles';
import { ClaimsService } from '@isnad/claims';
import {
  ClaimEmbeddingsWorker,
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
  const file = resolve(args.find((a) => !a.startsWith('--')) ?? resolve(__dirname, '..', 'eval', 'linking', 'linking-set.json'));
  const set = JSON.parse(readFileSync(file, 'utf8')) as LinkingSet;
  // The embedding loop is off: the texts are embedded below, all of them before the first query.
  const linking = linkingConfigFromEnv(process.env, false);

  await withFreshApp(async (app) => {
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
        pairs: matches.map((m, i) => ({ score: m.score, threshold: m.threshold, label: relevant.has(ranked[i]) ? 1 : 0 })),
        contradicts: offered.filter((m) => m.relation === 'CONTRADICTS').length,
        // Without a match: the best candidate; with one: the query's claim, when it is returned.
        withheldAs: (relevant.size ? matches.find((m, i) => relevant.has(ranked[i])) : matches[0])?.reasons.find((r) => WITHHELD_REASONS.has(r.kind))?.kind ?? null,
        crossLanguage: relevant.size > 0 && !query.same_as.some((id) => languagesOf.get(id)?.has(query.lang)),
      });
      if (verbose && (relevant.size ? ranked[0] !== query.same_as[0] : suggested.length) ) {
        console.log(`${relevant.size ? 'miss' : 'false match'} ${query.id} want ${query.same_as} got ${matches.map((m) => `${labelOf.get(m.claimId)}:${m.score}:${m.relation}`).join(' ')}`);
      } else if (verbose && relevant.size && !suggested.some((m) => labelOf.get(m.claimId) === query.same_as[0])) {
        console.log(`not suggested ${query.id} want ${query.same_as} got ${matches.map((m) => `${labelOf.get(m.claimId)}:${m.score}:${m.relation}`).join(' ')}`);
      }
    }
    const elapsed = Date.now() - started;
    const all = summarise(outcomes);
    const within = summarise(outcomes.filter((o) => o.query.same_as.length && !o.crossLanguage));
    const cross = summarise(outcomes.filter((o) => o.crossLanguage));
    const groups = [...new Set(set.queries.flatMap((q) => (q.group ? [q.group] : [])))].sort();
    const byGroup = Object.fromEntries(groups.map((g) => [g, summarise(outcomes.filter((o) => o.query.group === g))]));
    const kinds = [...new Set(set.queries.flatMap((q) => (q.kind ? [q.kind] : [])))].sort();
    const byKind = Object.fromEntries(kinds.map((k) => [k, summarise(outcomes.filter((o) => o.query.kind === k))]));
    if (json) {
      console.log(
        JSON.stringify({ file, threshold: SUGGESTION_THRESHOLD, sentenceThreshold: usesLocalSentences(linking) ? SENTENCE_SUGGESTION_THRESHOLD : null, all, sameLanguage: within, crossLanguage: cross, groups: byGroup, kinds: byKind, msPerQuery: elapsed / set.queries.length }, null, 2),
      );
      return;
    }
    const pct = (x: number) => x.toFixed(3);
    console.log(`linking set: ${file}`);
    console.log(`${set.claims.length} claims, ${claimIds.size} loaded; ${all.withMatch} queries with a match, ${all.withoutMatch} without`);
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
    for (const g of groups) console.log(line(`group ${g}`, byGroup[g]));
    for (const k of kinds) console.log(line(`kind ${k}`, byKind[k]));
    console.log(withheldLine(outcomes));
    if (usesLocalSentences(linking)) {
      const scored = outcomes.filter((o) => o.pairs.some((p) => p.threshold === SENTENCE_SUGGESTION_THRESHOLD)).length;
      console.log(`pools scored with sentence vectors: ${scored} of ${outcomes.length} queries (the others lexically: a text of the pool without a vector)`);
      // A pool's texts without a vector (another language) are scored by the usual model beside them.
      const pairs = outcomes.flatMap((o) => o.pairs);
      const bySentence = pairs.filter((p) => p.threshold === SENTENCE_SUGGESTION_THRESHOLD).length;
      console.log(`candidates returned (top 5) scored with sentence vectors: ${bySentence} of ${pairs.length} (the others by the usual model: no vector)`);
    }
  }, linking);
}

interface QueryOutcome {
  query: LinkingSet['queries'][number];
  ranked: string[];
  suggested: string[];
  /** Every returned (first 5) candidate's score, and whether it is one of the query's claims. */
  pairs: { score: number; threshold: number; label: number }[];
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
