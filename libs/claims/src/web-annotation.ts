import type { Article } from '@isnad/articles';
import type { Source } from '@isnad/sources';
import type { AttributionHop } from './attribution-hop.entity';
import type { ClaimAppearance } from './claim-appearance.entity';
import type { Claim } from './claim.entity';
import type { Tag } from './tag.entity';

/** What one exported annotation is made from. */
export interface AnnotatedAppearance {
  appearance: ClaimAppearance;
  claim: Claim;
  article: Article;
  tags: Tag[];
  chain: { hop: AttributionHop; source: Source }[];
}

/**
 * An appearance as a W3C Web Annotation (JSON-LD), the format Hypothesis and other annotation
 * tools read: the claim is the identifying body, tags are tagging bodies, the attribution chain a
 * describing body, and the target is the article with both selectors. Positions count code points
 * of the captured revision's text, which may differ from the live page.
 */
export function toWebAnnotation(annotated: AnnotatedAppearance, baseUrl: string): Record<string, unknown> {
  const { appearance, claim, article, tags, chain } = annotated;
  const language = claim.language ?? article.language ?? undefined;
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${baseUrl}/annotations/${appearance.id}`,
    type: 'Annotation',
    motivation: 'identifying',
    created: appearance.createdAt.toISOString(),
    generator: { id: baseUrl, type: 'Software', name: 'Isnad' },
    body: [
      { type: 'TextualBody', purpose: 'identifying', value: claim.statement, format: 'text/plain', language },
      ...tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag.label })),
      ...(chain.length
        ? [
            {
              type: 'TextualBody',
              purpose: 'describing',
              format: 'text/plain',
              value: chain.map(({ hop, source }) => `${source.name} (${hop.relation.toLowerCase()})`).join(' → '),
            },
          ]
        : []),
    ],
    target: {
      source: article.canonicalUrl,
      selector: [
        { type: 'TextQuoteSelector', exact: appearance.exact, prefix: appearance.prefix, suffix: appearance.suffix },
        { type: 'TextPositionSelector', start: appearance.start, end: appearance.end },
      ],
    },
  };
}
