/**
 * Scores claim matching on a labelled linking set (default eval/linking/linking-set.json):
 *
 *   npm run eval:linking -- [FILE] [--verbose]
 *
 * FILE is {"claims": [{"id", "appearances": [{"lang", "outlet", "text"}]}],
 *          "queries": [{"id", "lang", "outlet", "text", "same_as": [claim ids]}]}.
 * Every appearance is captured as an article of its outlet and annotated through the services
 * the API uses (ArticlesService.capture, ClaimsService.annotate: a claim's first appearance creates
 * it, the others attach to it), into a fresh database: in-memory PGlite, or a new schema on
 * DATABASE_URL, dropped afterwards. Each query then goes through ClaimMatcherService.match.
 *
 * Prints MAP@5, Recall@1 and Recall@5 over queries with a same_as (on the full ranking, and
 * counting only suggestions at or above the suggestion threshold), and the false-match rate: the
 * share of queries with an empty same_as for which some claim is suggested at the threshold.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { ArticlesService } from '@isnad/articles';
import { ClaimsService } from '@isnad/claims';
import { createTestDatabase } from '@isnad/database/testing/test-database';
import { ClaimMatcherService, SUGGESTION_THRESHOLD, averagePrecisionAt, mean, recallAt } from '@isnad/linking';
import { codePointLength } from '@isnad/text';
import { createApp } from '../apps/api/src/bootstrap';

interface LinkingSet {
  claims: { id: string; appearances: { lang: string; outlet: string; text: string }[] }[];
  queries: { id: string; lang: string; outlet: string; text: string; same_as: string[] }[];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const file = resolve(args.find((a) => !a.startsWith('--')) ?? resolve(__dirname, '..', 'eval', 'linking', 'linking-set.json'));
  const set = JSON.parse(readFileSync(file, 'utf8')) as LinkingSet;

  const database = await createTestDatabase();
  const app: INestApplication = await createApp(
    { port: 0, host: '127.0.0.1', database: database.config, runMigrations: true, bodyLimitBytes: 1e7, schemaFile: null },
    { logger: ['error', 'warn'] },
  );
  try {
    await app.init();
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

    const ap: number[] = [];
    const r1: number[] = [];
    const r5: number[] = [];
    const apAt: number[] = [];
    const r1At: number[] = [];
    const r5At: number[] = [];
    // Queries whose language none of their claims' appearances share: reachable only through a
    // recorded translation or an embedding encoder, so reported apart.
    const languagesOf = new Map(set.claims.map((c) => [c.id, new Set(c.appearances.map((a) => a.lang))]));
    const crossOnly: number[] = [];
    let negatives = 0;
    let falseMatches = 0;
    const started = Date.now();
    for (const query of set.queries) {
      const matches = await matcher.match(query.text, { language: query.lang, first: 5, minScore: 0 });
      const ranked = matches.map((m) => labelOf.get(m.claimId) ?? m.claimId);
      const suggested = matches.filter((m) => m.score >= SUGGESTION_THRESHOLD).map((m) => labelOf.get(m.claimId) ?? m.claimId);
      const relevant = new Set(query.same_as);
      if (relevant.size) {
        ap.push(averagePrecisionAt(5, ranked, relevant));
        r1.push(recallAt(1, ranked, relevant));
        r5.push(recallAt(5, ranked, relevant));
        if (!query.same_as.some((id) => languagesOf.get(id)?.has(query.lang))) crossOnly.push(r1.length - 1);
        apAt.push(averagePrecisionAt(5, suggested, relevant));
        r1At.push(recallAt(1, suggested, relevant));
        r5At.push(recallAt(5, suggested, relevant));
        if (verbose && (ranked[0] !== query.same_as[0] || process.env.ALL)) {
          console.log(`miss ${query.id} want ${query.same_as} got ${matches.map((m) => `${labelOf.get(m.claimId)}:${m.score}`).join(' ')}`);
        }
      } else {
        negatives++;
        if (suggested.length) falseMatches++;
        if (verbose && (suggested.length || process.env.ALL)) {
          console.log(`false match ${query.id}: ${matches.map((m) => `${labelOf.get(m.claimId)}:${m.score}`).join(' ')}`);
        }
      }
    }
    const elapsed = Date.now() - started;
    const pct = (x: number) => x.toFixed(3);
    console.log(`linking set: ${file}`);
    console.log(`${set.claims.length} claims, ${claimIds.size} loaded; ${ap.length} queries with a match, ${negatives} without`);
    console.log(`suggestion threshold: ${SUGGESTION_THRESHOLD}`);
    console.log(`ranking      MAP@5 ${pct(mean(ap))}  Recall@1 ${pct(mean(r1))}  Recall@5 ${pct(mean(r5))}`);
    console.log(`suggestions  MAP@5 ${pct(mean(apAt))}  Recall@1 ${pct(mean(r1At))}  Recall@5 ${pct(mean(r5At))}  (only scores >= threshold)`);
    const within = r1.map((_, i) => i).filter((i) => !crossOnly.includes(i));
    const part = (values: number[], indexes: number[]) => pct(mean(indexes.map((i) => values[i])));
    console.log(
      `  of which ${within.length} have a claim text in their language: MAP@5 ${part(ap, within)}  Recall@1 ${part(r1, within)}  ` +
        `Recall@5 ${part(r5, within)}; at threshold Recall@1 ${part(r1At, within)}`,
    );
    console.log(
      `  and ${crossOnly.length} only in another language (no translation recorded): MAP@5 ${part(ap, crossOnly)}  ` +
        `Recall@1 ${part(r1, crossOnly)}  Recall@5 ${part(r5, crossOnly)}`,
    );
    console.log(`false-match rate ${pct(negatives ? falseMatches / negatives : 0)} (${falseMatches}/${negatives} queries without a match got a suggestion)`);
    console.log(`matching: ${(elapsed / set.queries.length).toFixed(1)} ms per query`);
  } finally {
    await app.close();
    await database.drop();
  }
}

function slug(outlet: string): string {
  return outlet.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'outlet';
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
