import { readClaimReviews } from './claim-review-reading';

const PAGE = 'https://factcheck.example/2021/02/claim';

/** A ClaimReview as fact-checkers publish it (Google's required fields and the usual extras). */
function claimReview(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: 'https://factcheck.example/2021/02/claim',
    datePublished: '2021-02-07',
    claimReviewed: 'عقدت استخبارات دول غربية اجتماعات مع قادة من داعش',
    author: { '@type': 'Organization', name: 'مسبار', url: 'https://factcheck.example' },
    reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'زائف' },
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Organization', name: 'سبوتنيك' },
      datePublished: '2021-02-05',
      firstAppearance: { '@type': 'CreativeWork', url: 'https://news.example/first' },
      appearance: [{ '@type': 'CreativeWork', url: 'https://news.example/first' }, '/copy'],
    },
    ...overrides,
  };
}

const page = (...blocks: string[]) =>
  `<html><head>${blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('')}</head><body><p>نص</p></body></html>`;

describe('reading other fact-checkers\' ClaimReviews', () => {
  it('reads a page\'s ClaimReview with the rating exactly as given and the claim\'s appearances', () => {
    const { reviews, skipped } = readClaimReviews(page(JSON.stringify(claimReview())), { pageUrl: PAGE });
    expect(skipped).toEqual([]);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      url: PAGE,
      reviewerName: 'مسبار',
      reviewerUrl: 'https://factcheck.example/',
      rating: { ratingValue: '1', alternateName: 'زائف', bestRating: '5', worstRating: '1' },
      claimReviewed: 'عقدت استخبارات دول غربية اجتماعات مع قادة من داعش',
      claimAuthor: 'سبوتنيك',
      datePublished: '2021-02-07',
      firstAppearance: 'https://news.example/first',
      appearances: ['https://news.example/first', 'https://factcheck.example/copy'],
    });
  });

  it.each([
    ['an array', (r: object[]) => JSON.stringify(r)],
    ['a @graph', (r: object[]) => JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, ...r] })],
    ['a DataFeed', (r: object[]) => JSON.stringify({ '@type': 'DataFeed', dataFeedElement: r.map((item) => ({ '@type': 'DataFeedItem', item: [item] })) })],
  ])('finds every review in %s', (_shape, wrap) => {
    const two = [claimReview({ url: 'https://factcheck.example/a' }), claimReview({ url: 'https://factcheck.example/b', '@type': ['schema:ClaimReview'] })];
    const { reviews } = readClaimReviews(wrap(two), { pageUrl: PAGE, json: true });
    expect(reviews.map((r) => r.url)).toEqual(['https://factcheck.example/a', 'https://factcheck.example/b']);
  });

  it('skips bad JSON-LD and incomplete reviews with a reason, keeping the good ones', () => {
    const html = page(
      '{ "@type": "ClaimReview", oops',
      JSON.stringify([claimReview({ url: 'https://factcheck.example/good' }), claimReview({ claimReviewed: '   ', itemReviewed: {} })]),
    );
    const { reviews, skipped } = readClaimReviews(html, { pageUrl: PAGE });
    expect(reviews.map((r) => r.url)).toEqual(['https://factcheck.example/good']);
    expect(skipped.map((s) => s.reason)).toEqual(['INVALID_JSON_LD', 'NO_CLAIM_REVIEWED']);
  });

  it('gives a lone review without a url the page\'s URL, but skips several without one', () => {
    expect(readClaimReviews(page(JSON.stringify(claimReview({ url: undefined }))), { pageUrl: PAGE }).reviews[0].url).toBe(PAGE);
    const several = readClaimReviews(page(JSON.stringify([claimReview({ url: undefined }), claimReview({ url: undefined })])), { pageUrl: PAGE });
    expect(several.reviews).toEqual([]);
    expect(several.skipped.map((s) => s.reason)).toEqual(['NO_REVIEW_URL', 'NO_REVIEW_URL']);
  });

  it('ignores JSON-LD of other types and scripts that are not JSON-LD', () => {
    const html = page(JSON.stringify({ '@type': 'NewsArticle', headline: 'x' })) + '<script>var x = { "@type": "ClaimReview" }</script>';
    expect(readClaimReviews(html, { pageUrl: PAGE })).toEqual({ reviews: [], skipped: [] });
  });
});
