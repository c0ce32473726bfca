import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { detectLanguage, normalizeForSearch } from '@isnad/text';
import { ClaimTextKind } from './claim-match-text.entity';
import { EMBEDDING_ENCODER, EmbeddingEncoder, cosine } from './embedding-encoder';
import { InvalidLinkError } from './linking.errors';
import { MatchReasonParts, QueryFeatures, TermStats, capitalisedNames, scoreCandidate } from './match-scoring';

/**
 * The score from which a match is suggested to fact-checkers (claimMatches, matchSuggestions) and
 * counted as a match by `npm run eval:linking`. Chosen on the labelled set in eval/linking (see
 * its README): above it, few suggestions are wrong; below it, most are.
 */
export const SUGGESTION_THRESHOLD = 0.4;

/** One suggested claim for a text, with the text of the claim that matched best and why. */
export interface ClaimMatchResult {
  claimId: string;
  score: number;
  /** The claim's text that matched best: its statement, an appearance's quote, or a translation. */
  matchedKind: ClaimTextKind;
  matchedKey: string;
  matchedLanguage: string | null;
  reasons: MatchReasonParts[];
}

export interface MatchOptions {
  /** BCP 47 language of the text; detected when absent. */
  language?: string | null;
  /** How many suggestions at most. */
  first?: number;
  /** Lowest score returned (default SUGGESTION_THRESHOLD; 0 returns every candidate ranked). */
  minScore?: number;
  /** Claims never to suggest (the claim the text already belongs to, reviewed pairs). */
  excludeClaimIds?: readonly string[];
  /** Re-rank only these claims (e.g. another system's candidates) instead of searching the index. */
  onlyClaimIds?: readonly string[];
}

interface CandidateRow {
  id: string;
  claim_id: string;
  kind: ClaimTextKind;
  language: string | null;
  key: string;
  lexemes: string[];
  trigram: number;
}

// Candidate pools: enough to hold the right claim when many share a few words, small enough to
// re-rank in a few milliseconds.
const FULL_TEXT_POOL = 100;
const TRIGRAM_POOL = 30;
const QUERY_TERMS = 16;
// Trigram search costs grow with the collection and the query's length, and says little about a
// long text: it is the fallback for short texts whose words found few candidates.
const TRIGRAM_MAX_KEY = 200;
const TRIGRAM_FALLBACK_BELOW = 5;
const EMBEDDED_CANDIDATES = 20;

/**
 * Finds existing claims that a text states: PostgreSQL gathers candidates from the matching index
 * (full-text over stemmed lexemes of the rarest query terms, and pg_trgm over search keys), then
 * the candidates are re-ranked here with IDF-weighted overlap, phrases, numbers and (when an
 * embeddings endpoint is configured) meaning.
 */
@Injectable()
export class ClaimMatcherService {
  private readonly logger = new Logger(ClaimMatcherService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(EMBEDDING_ENCODER) private readonly encoder: EmbeddingEncoder | null = null,
  ) {}

  /** Ranked suggestions of canonical claims for `text`, best first. */
  async match(text: string, options: MatchOptions = {}, manager: EntityManager = this.dataSource.manager): Promise<ClaimMatchResult[]> {
    const key = normalizeForSearch(text);
    if (!key) throw new InvalidLinkError('The text has no letters or digits', { field: 'text' });
    const language = options.language || languageOrNull(detectLanguage(text));
    const first = options.first ?? 5;
    const minScore = options.minScore ?? SUGGESTION_THRESHOLD;
    const excluded = new Set(options.excludeClaimIds ?? []);

    const queryTerms: { lexeme: string; df: number; total: number }[] = await manager.query(
      `SELECT q.lexeme, coalesce(t.df, 0)::int AS df, coalesce((SELECT df FROM claim_match_terms WHERE lexeme = ''), 0)::int AS total
         FROM unnest(tsvector_to_array(linking_tsvector($1, $2))) AS q(lexeme)
         LEFT JOIN claim_match_terms t ON t.lexeme = q.lexeme`,
      [language, key],
    );
    const total = queryTerms[0]?.total ?? 0;
    if (!total) return [];
    const searchTerms = queryTerms
      .filter((t) => t.df > 0 && (total < 200 || t.df / total < 0.1))
      .sort((a, b) => a.df - b.df)
      .slice(0, QUERY_TERMS)
      .map((t) => `'${t.lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`);

    const rows = options.onlyClaimIds
      ? await this.textsOf(manager, options.onlyClaimIds.filter((id) => !excluded.has(id)), key)
      : await this.candidates(manager, key, searchTerms.join(' | '), [...excluded]);
    if (!rows.length) return [];

    const stats = await this.termStats(manager, queryTerms, rows, total);
    const query: QueryFeatures = { key, lexemes: queryTerms.map((t) => t.lexeme), names: capitalisedNames(text).map(normalizeForSearch) };
    let scored = rows.map((row) => ({
      row,
      ...scoreCandidate(query, { key: row.key, lexemes: row.lexemes, trigram: Number(row.trigram) }, stats),
    }));
    if (this.encoder) scored = await this.withEmbeddings(text, query, scored, stats);

    const best = new Map<string, (typeof scored)[number]>();
    for (const candidate of scored) {
      const current = best.get(candidate.row.claim_id);
      if (!current || candidate.score > current.score) best.set(candidate.row.claim_id, candidate);
    }
    return [...best.values()]
      .filter((c) => c.score >= minScore)
      .sort((a, b) => b.score - a.score || (a.row.claim_id < b.row.claim_id ? -1 : 1))
      .slice(0, first)
      .map((c) => ({
        claimId: c.row.claim_id,
        score: Math.round(c.score * 1000) / 1000,
        matchedKind: c.row.kind,
        matchedKey: c.row.key,
        matchedLanguage: c.row.language,
        reasons: c.reasons,
      }));
  }

  /**
   * Candidate texts from the index: the best full-text hits on the rarest query terms; when those
   * are few and the text is short (a headline, a quote with misspelt words), also the nearest keys
   * by trigrams.
   */
  private async candidates(manager: EntityManager, key: string, tsquery: string, excluded: string[]): Promise<CandidateRow[]> {
    const select = `SELECT t.id, t.claim_id, t.kind, t.language, t.key, tsvector_to_array(t.tsv) AS lexemes,
                           similarity(t.key, $1)::float8 AS trigram
                      FROM claim_match_texts t`;
    const rows: CandidateRow[] = tsquery
      ? await manager.query(
          `${select} WHERE t.id IN (SELECT f.id FROM claim_match_texts f WHERE f.tsv @@ $3::tsquery
                                     ORDER BY ts_rank(f.tsv, $3::tsquery) DESC LIMIT ${FULL_TEXT_POOL})
                       AND NOT (t.claim_id = ANY($2::uuid[]))`,
          [key, excluded, tsquery],
        )
      : [];
    if (rows.length >= TRIGRAM_FALLBACK_BELOW || [...key].length > TRIGRAM_MAX_KEY) return rows;
    const nearest: CandidateRow[] = await manager.query(
      `${select} WHERE t.id IN (SELECT n.id FROM claim_match_texts n WHERE n.key % $1 ORDER BY similarity(n.key, $1) DESC LIMIT ${TRIGRAM_POOL})
                   AND NOT (t.claim_id = ANY($2::uuid[]))`,
      [key, excluded],
    );
    const seen = new Set(rows.map((r) => r.id));
    return [...rows, ...nearest.filter((r) => !seen.has(r.id))];
  }

  /** Every indexed text of the given claims. */
  private textsOf(manager: EntityManager, claimIds: readonly string[], key: string): Promise<CandidateRow[]> {
    return manager.query(
      `SELECT t.id, t.claim_id, t.kind, t.language, t.key, tsvector_to_array(t.tsv) AS lexemes,
              similarity(t.key, $1)::float8 AS trigram
         FROM claim_match_texts t WHERE t.claim_id = ANY($2::uuid[])`,
      [key, [...claimIds]],
    );
  }

  /** Document frequencies for the query's and the candidates' lexemes, in one statement. */
  private async termStats(
    manager: EntityManager,
    queryTerms: { lexeme: string; df: number }[],
    rows: CandidateRow[],
    total: number,
  ): Promise<TermStats> {
    const df = new Map(queryTerms.map((t) => [t.lexeme, t.df]));
    const missing = [...new Set(rows.flatMap((r) => r.lexemes))].filter((l) => !df.has(l));
    if (missing.length) {
      const found: { lexeme: string; df: number }[] = await manager.query(
        `SELECT lexeme, df FROM claim_match_terms WHERE lexeme = ANY($1::text[])`,
        [missing],
      );
      for (const row of found) df.set(row.lexeme, row.df);
    }
    const averageLength = rows.reduce((sum, r) => sum + r.lexemes.length, 0) / Math.max(rows.length, 1);
    return { df, total, averageLength };
  }

  /** Re-scores the best lexical candidates with embeddings; on an endpoint failure, keeps the lexical scores. */
  private async withEmbeddings<T extends { row: CandidateRow; score: number; reasons: MatchReasonParts[] }>(
    text: string,
    query: QueryFeatures,
    scored: T[],
    stats: TermStats,
  ): Promise<T[]> {
    const top = [...scored].sort((a, b) => b.score - a.score).slice(0, EMBEDDED_CANDIDATES);
    try {
      const [queryVector, ...vectors] = await (this.encoder as EmbeddingEncoder).encode([text, ...top.map((c) => c.row.key)]);
      const rescored = top.map((c, i) => ({
        ...c,
        ...scoreCandidate(
          query,
          { key: c.row.key, lexemes: c.row.lexemes, trigram: Number(c.row.trigram), embedding: cosine(queryVector, vectors[i]) },
          stats,
        ),
      }));
      return [...rescored, ...scored.filter((c) => !top.includes(c))];
    } catch (error) {
      this.logger.warn(`Embeddings unavailable, matching lexically: ${(error as Error).message}`);
      return scored;
    }
  }
}

function languageOrNull(language: string): string | null {
  return language === 'und' ? null : language;
}
