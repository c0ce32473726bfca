import { FuzzyAnchor, TextAnchor, foldForAnchoring, fuzzyReanchor } from '@isnad/text';
import { StoredPassage } from './article-republication.entity';

/** An appearance of a claim in the original article, as re-anchoring needs it. */
export interface OriginalAppearance extends TextAnchor {
  id: string;
  claimId: string;
}

/** An original's appearance found again in a copy. */
export interface CopiedAppearance extends FuzzyAnchor {
  claimId: string;
  fromAppearanceId: string;
}

/** Appearances of one original re-anchored per copy: a story has a handful of claims, not hundreds. */
export const MAX_COPIED_APPEARANCES = 100;

/**
 * The original's appearances found again in the copy's text (fuzzy quote anchoring, see
 * fuzzy-anchor.ts), one per claim, leaving out claims the copy is already annotated with. Where a
 * shared passage covers the appearance, the matching place in the copy is the position hint.
 */
export function copiedAppearances(
  originals: readonly OriginalAppearance[],
  copyText: string,
  annotatedClaimIds: ReadonlySet<string>,
  passages: readonly StoredPassage[] = [],
): CopiedAppearance[] {
  const view = foldForAnchoring(copyText);
  const done = new Set(annotatedClaimIds);
  const found: CopiedAppearance[] = [];
  for (const appearance of originals.slice(0, MAX_COPIED_APPEARANCES)) {
    if (done.has(appearance.claimId)) continue;
    const passage = passages.find((p) => p.original.start <= appearance.start && appearance.start < p.original.end);
    const hint = passage ? passage.copy.start + (appearance.start - passage.original.start) : undefined;
    const anchored = fuzzyReanchor(appearance, copyText, hint, view);
    if (!anchored) continue;
    done.add(appearance.claimId);
    found.push({ ...anchored, claimId: appearance.claimId, fromAppearanceId: appearance.id });
  }
  return found;
}

export type RelationName = 'ORIGIN' | 'RELAYED' | 'REPUBLISHED';

/** One hop of a carried chain: a known source, or an outlet standing as its source. */
export interface CarriedHop {
  sourceId?: string;
  outletId?: string;
  relation: RelationName;
  cue?: string;
}

/** A hop of the original appearance's chain, with the outlet its source stands for (if any). */
export interface OriginalHop {
  sourceId: string;
  sourceOutletId: string | null;
  relation: RelationName;
  cue: string | null;
}

/**
 * The chain of a claim in a copy: the original appearance's chain (or the original outlet in its
 * own voice when it had none); cut after the outlet the copy credits ("المصدر: سبوتنيك") when that
 * outlet is on it, else with the credited outlet added as a relay; closed by the copying site
 * with relation REPUBLISHED.
 */
export function copiedChain(
  hops: readonly OriginalHop[],
  originalOutletId: string,
  copyOutletId: string,
  credited: { outletId: string; cue: string } | null,
): CarriedHop[] {
  let chain: (CarriedHop & { standsFor: string | null })[] = hops.length
    ? hops.map((h) => ({ sourceId: h.sourceId, relation: h.relation, cue: h.cue ?? undefined, standsFor: h.sourceOutletId }))
    : [{ outletId: originalOutletId, relation: 'ORIGIN', standsFor: originalOutletId }];
  if (credited && credited.outletId !== copyOutletId) {
    const at = chain.findIndex((h) => h.standsFor === credited.outletId);
    if (at >= 0) chain = chain.slice(0, at + 1);
    else chain.push({ outletId: credited.outletId, relation: 'RELAYED', cue: credited.cue, standsFor: credited.outletId });
  }
  if (chain[chain.length - 1].standsFor !== copyOutletId) {
    chain.push({ outletId: copyOutletId, relation: 'REPUBLISHED', standsFor: copyOutletId });
  }
  return chain.map(({ standsFor: _, ...hop }) => hop);
}
