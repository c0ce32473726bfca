import { Injectable } from '@nestjs/common';
import { ArticlesService } from '@isnad/articles';
import { Outlet, OutletKind, OutletsService } from '@isnad/outlets';
import { Source, SourceKind, SourcesService } from '@isnad/sources';
import { SuggestedHop as TextHop, TextTooComplexError, TextWorkerPool, normalizeForSearch } from '@isnad/text';
import { AttributionRelation } from './attribution-hop.entity';
import { ClaimAppearance } from './claim-appearance.entity';
import { ClaimsService } from './claims.service';
import { InvalidClaimError } from './claims.errors';
import { AttributionHopInput } from './dto/attribution-hop.input';
import { AcceptClaimCandidateInput, ClaimCandidate, SuggestedHop } from './dto/claim-candidate.type';

/**
 * Claim candidates: the check-worthy sentences of an article revision with the chain of sources the
 * text gives, matched against the sources and outlets Isnad knows. Suggestions only: nothing is
 * stored until the annotator accepts one, which goes through the ordinary annotate path.
 */
@Injectable()
export class ClaimCandidatesService {
  constructor(
    private readonly articles: ArticlesService,
    private readonly outlets: OutletsService,
    private readonly sources: SourcesService,
    private readonly claims: ClaimsService,
    private readonly textWorkers: TextWorkerPool,
  ) {}

  /** The candidates of a revision (default: the latest), in text order. */
  async candidatesFor(articleId: string, revisionId?: string): Promise<ClaimCandidate[]> {
    const { article, revision } = await this.articles.getRevision(articleId, revisionId);
    const found = await this.textWorkers
      .claimCandidates(revision.text, { publishedAt: article.publishedAt?.toISOString(), language: article.language ?? undefined })
      .catch((error: unknown) => {
        if (error instanceof TextTooComplexError) throw new InvalidClaimError(error.message, { field: 'articleId', reason: 'TEXT_TOO_COMPLEX' });
        throw error;
      });
    const hops = found.flatMap((candidate) => candidate.suggestedChain);
    const { outletByKey, sourceByKey } = await this.knownNames(hops);
    const annotated = (await this.claims.appearancesInArticles([article.id])).filter(
      (a) => a.articleRevisionId === revision.id,
    );
    return found.map((candidate) => ({
      ...candidate,
      reasons: [...candidate.reasons],
      suggestedChain: matchChain(candidate.suggestedChain, outletByKey, sourceByKey),
      annotatedAppearanceId: annotated.find((a) => a.start === candidate.start && a.end === candidate.end)?.id ?? null,
    }));
  }

  /**
   * Annotates a candidate as a claim appearance: known sources and outlets are reused, new ones are
   * created with the annotation, and the article's own outlet closes the chain.
   */
  async accept(input: AcceptClaimCandidateInput): Promise<ClaimAppearance> {
    const { article } = await this.articles.getRevision(input.articleId, input.revisionId);
    const candidate = (await this.candidatesFor(input.articleId, input.revisionId)).find(
      (c) => c.start === input.start && c.end === input.end,
    );
    if (!candidate) {
      throw new InvalidClaimError(`No claim candidate spans [${input.start}, ${input.end}) in this revision`, {
        field: 'start',
      });
    }
    const chain = candidate.suggestedChain.map((hop, index) =>
      hopInput(hop, index === 0 ? AttributionRelation.ORIGIN : AttributionRelation.RELAYED, candidate.suggestedChain[index + 1]),
    );
    const lastOutletId = candidate.suggestedChain.at(-1)?.matchedOutlet?.id;
    if (chain.length && lastOutletId !== article.outletId) {
      chain.push({ outletId: article.outletId, relation: AttributionRelation.REPUBLISHED });
    }
    return this.claims.annotate({
      articleId: input.articleId,
      revisionId: input.revisionId,
      selector: { start: candidate.start, end: candidate.end, exact: candidate.exact },
      claimId: input.claimId,
      statement: input.statement,
      tags: input.tags,
      chain,
    });
  }

  private async knownNames(hops: TextHop[]) {
    const outletKeys = hops.filter((h) => h.kind === 'OUTLET').flatMap((h) => [h.name, h.canonicalName]);
    const sourceKeys = hops.filter((h) => h.kind !== 'OUTLET').map((h) => h.name ?? h.descriptor);
    const keys = (names: (string | undefined)[]) => [...new Set(names.filter(isText).map(normalizeForSearch))];
    const [outlets, sources] = await Promise.all([
      this.outlets.findByNameKeys(keys(outletKeys)),
      this.sources.findByNameKeys(keys(sourceKeys)),
    ]);
    return {
      outletByKey: new Map(outlets.map((o) => [o.nameKey, o])),
      sourceByKey: new Map(
        sources.filter((s) => s.kind !== SourceKind.OUTLET).map((s) => [sourceKey(s.kind, s.nameKey, s.confidedToOutletId), s]),
      ),
    };
  }
}

function isText(value: string | undefined): value is string {
  return !!value && !!value.trim();
}

/**
 * Matches each hop of a suggested chain to what Isnad knows. An anonymous source only matches one
 * that spoke to the same outlet: two outlets' "informed sources" are not the same person.
 */
function matchChain(hops: TextHop[], outletByKey: Map<string, Outlet>, sourceByKey: Map<string, Source>): SuggestedHop[] {
  // An unnamed relay ("وكالات إخبارية") is no outlet Isnad can file: it stands as an anonymous source.
  const kinds = hops.map((hop) => (hop.kind === 'OUTLET' && !hop.name ? SourceKind.ANONYMOUS : (hop.kind as SourceKind)));
  const outlets = hops.map((hop, i) =>
    kinds[i] === SourceKind.OUTLET
      ? ([hop.name, hop.canonicalName].filter(isText).map((name) => outletByKey.get(normalizeForSearch(name))).find(Boolean) ??
        null)
      : null,
  );
  return hops.map((hop, i) => {
    const label = hop.name ?? hop.descriptor;
    const confidedTo = kinds[i] === SourceKind.ANONYMOUS ? (outlets[i + 1]?.id ?? null) : null;
    return {
      kind: kinds[i],
      relation: hop.relation as AttributionRelation,
      name: hop.name ?? null,
      descriptor: hop.descriptor ?? null,
      canonicalName: hop.canonicalName ?? null,
      matchedOutlet: outlets[i],
      matchedSource:
        kinds[i] !== SourceKind.OUTLET && label
          ? (sourceByKey.get(sourceKey(kinds[i], normalizeForSearch(label), confidedTo)) ?? null)
          : null,
    };
  });
}

function sourceKey(kind: SourceKind, nameKey: string, confidedToOutletId: string | null): string {
  return kind === SourceKind.ANONYMOUS ? `${kind}:${nameKey}:${confidedToOutletId ?? ''}` : `${kind}:${nameKey}`;
}

/** The chain hop that files a suggested hop: the known source or outlet, or a new one. */
function hopInput(hop: SuggestedHop, relation: AttributionRelation, next?: SuggestedHop): AttributionHopInput {
  const cue = hop.descriptor ?? undefined;
  if (hop.kind === SourceKind.OUTLET) {
    if (hop.matchedOutlet) return { outletId: hop.matchedOutlet.id, relation, cue };
    return {
      newOutlet: { name: hop.name as string, kind: hop.canonicalName ? OutletKind.NEWS_AGENCY : OutletKind.SITE },
      relation,
      cue,
    };
  }
  if (hop.matchedSource) return { sourceId: hop.matchedSource.id, relation, cue };
  return {
    newSource: {
      kind: hop.kind,
      name: (hop.name ?? hop.descriptor) as string,
      // An anonymous source is remembered with the outlet it spoke to, when the text names it.
      confidedToOutletId: hop.kind === SourceKind.ANONYMOUS ? next?.matchedOutlet?.id : undefined,
    },
    relation,
    cue,
  };
}
