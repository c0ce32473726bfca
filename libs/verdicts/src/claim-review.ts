import type { Claim as SchemaClaim, ClaimReview, CreativeWork, Organization, Person, WithContext } from 'schema-dts';
import { SourceKind } from '@isnad/sources';
import { ratingLabel } from './rating.entity';
import { VerdictStatus } from './verdict-status';
import { AppearanceInOutlet, VerdictBundle } from './verdict-bundle.service';

/** The public URLs of a verdict under the API's base URL. */
export const verdictUrls = (baseUrl: string, verdictId: string) => ({
  page: `${baseUrl}/verdicts/${verdictId}`,
  claimReview: `${baseUrl}/claim-reviews/${verdictId}`,
});

/**
 * The schema.org ClaimReview of a public verdict, with the properties Google requires
 * (claimReviewed, reviewRating with alternateName, url) and recommends (author, datePublished,
 * itemReviewed as a Claim with author, datePublished, appearance and firstAppearance). The
 * schema-dts types check every property against the schema.org vocabulary at compile time.
 */
export function toClaimReview(bundle: VerdictBundle, baseUrl: string): WithContext<ClaimReview> {
  const { verdict, organisation, rating, bounds, claim, appearances, claimant } = bundle;
  const urls = verdictUrls(baseUrl, verdict.id);
  const ordinal = rating.value !== null && bounds.best !== null && bounds.worst !== null;
  const first = appearances[0];
  const itemReviewed: SchemaClaim = {
    '@type': 'Claim',
    ...(claimant ? { author: claimantOf(claimant.kind, claimant.name) } : first?.outlet ? { author: publisherOf(first) } : {}),
    ...(first ? { datePublished: first.date.toISOString(), firstAppearance: appearanceOf(first) } : {}),
    appearance: appearances.map(appearanceOf),
    ...(claim.language ? { inLanguage: claim.language } : {}),
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    '@id': urls.claimReview,
    url: urls.page,
    claimReviewed: claim.statement,
    headline: verdict.headline,
    reviewBody: verdict.summary,
    inLanguage: verdict.language,
    datePublished: (verdict.firstPublishedAt ?? verdict.publishedAt ?? verdict.updatedAt).toISOString(),
    dateModified: (verdict.publishedAt ?? verdict.updatedAt).toISOString(),
    version: verdict.version,
    author: {
      '@type': 'Organization',
      name: organisation.name,
      url: organisation.url ?? baseUrl,
    },
    ...(verdict.authors.length ? { creator: verdict.authors.map((name): Person => ({ '@type': 'Person', name })) } : {}),
    reviewRating: {
      '@type': 'Rating',
      alternateName: ratingLabel(rating, verdict.language),
      ...(ordinal ? { ratingValue: rating.value as number, bestRating: bounds.best as number, worstRating: bounds.worst as number } : {}),
    },
    itemReviewed,
    ...(verdict.evidence.length ? { citation: verdict.evidence.map((e): CreativeWork => ({ '@type': 'CreativeWork', url: e.url, ...(e.archivedUrl ? { archivedAt: e.archivedUrl } : {}) })) } : {}),
    ...(verdict.status === VerdictStatus.CORRECTED && verdict.publicNote
      ? {
          correction: {
            '@type': 'CorrectionComment',
            text: verdict.publicNote,
            datePublished: (verdict.publishedAt ?? verdict.updatedAt).toISOString(),
          },
        }
      : {}),
  };
}

function claimantOf(kind: SourceKind, name: string): Person | Organization {
  return kind === SourceKind.PERSON || kind === SourceKind.ANONYMOUS ? { '@type': 'Person', name } : { '@type': 'Organization', name };
}

function publisherOf(appearance: AppearanceInOutlet): Organization {
  return { '@type': 'Organization', name: appearance.outlet?.name ?? new URL(appearance.article.canonicalUrl).hostname };
}

function appearanceOf(appearance: AppearanceInOutlet): CreativeWork {
  const { article } = appearance;
  return {
    '@type': 'CreativeWork',
    url: article.canonicalUrl,
    ...(article.title ? { headline: article.title } : {}),
    datePublished: appearance.date.toISOString(),
    publisher: publisherOf(appearance),
  };
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` become \u escapes, so
 * hostile text ("</script>") cannot end the block early, and U+2028/9 cannot break old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
