// The monitoring step of `npm run demo`: a local news site (on 127.0.0.1) publishes a feed with a
// verbatim copy of the seed and a rewritten version of it; Isnad watches the feed, captures both,
// and raises a repeat of the claim just rated FALSE, naming the original of the copy. Then another
// fact-checker's page reviews the same claim (schema.org ClaimReview): Isnad imports it onto the
// claim, with the reviewer's own rating.

import type { Gql } from './demo';
import { articleHtml, rssFeed, serveFeed, servePage, startFixtureSite } from '../test/support/fixture-site';

interface DemoRepeat {
  status: string;
  score: number;
  exact: string;
  article: { canonicalUrl: string };
  claim: { id: string };
  alert: { claimStatement: string; rating: string; originalArticleUrl: string | null };
}

const REWRITTEN = [
  'وذكرت وكالة سبوتنيك نقلاً عن مصدر مطلع أنه عُقدت سلسلة لقاءات لممثلي أجهزة كل من الولايات المتحدة وفرنسا وبريطانيا وعدد من دول المنطقة في منطقة التنف.',
  'وبحسب المصدر نفسه فإن اللقاءات تناولت خططاً لتكثيف الهجمات في شرق البلاد خلال الأشهر المقبلة، من دون أن يقدم أي دليل على ذلك.',
  'ولم يصدر أي تعليق رسمي من العواصم المذكورة على هذه الرواية حتى ساعة نشر هذا الخبر.',
];

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Watches a local feed carrying the seed's copies and prints the repeat alerts that follow. */
export async function watchFeedDemo(gql: Gql, seedText: string): Promise<void> {
  const paragraphs = seedText.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 40);
  const site: Awaited<ReturnType<typeof startFixtureSite>> = await startFixtureSite({
    '/2021/02/seed-copy': servePage(articleHtml('تنظيم داعش في سوريا يلتقي استخبارات دول غربية', paragraphs)),
    '/world/syria-report': (req, res) => servePage(articleHtml('سبوتنيك: لقاءات استخباراتية في التنف', REWRITTEN, { publishedAt: new Date().toISOString() }))(req, res),
    '/feed.xml': serveFeed(() =>
      rssFeed([
        { link: '/2021/02/seed-copy', title: 'تنظيم داعش في سوريا يلتقي استخبارات دول غربية' },
        { link: '/world/syria-report?utm_source=rss', title: 'سبوتنيك: لقاءات استخباراتية في التنف' },
      ]),
    ),
  });
  try {
    const { watchFeed } = await gql<{ watchFeed: { id: string } }>(`mutation($input: WatchFeedInput!) { watchFeed(input: $input) { id } }`, {
      input: { url: `${site.origin}/feed.xml`, everyMinutes: 15 },
    });
    console.log(`\nWatching ${site.origin}/feed.xml (a local news site)…`);
    const watch = await until('the feed to be captured', async () => {
      const { watches } = await gql<{ watches: { id: string; itemsSeen: number; articlesCaptured: number; lastError: string | null }[] }>(
        `{ watches { id itemsSeen articlesCaptured lastError } }`,
      );
      const found = watches.find((w) => w.id === watchFeed.id);
      if (found?.lastError) throw new Error(`The watch failed: ${found.lastError}`);
      return found && found.articlesCaptured >= 2 ? found : null;
    });
    console.log(`  ${watch.itemsSeen} items seen, ${watch.articlesCaptured} articles captured`);
    const repeats = await until('the repeat alerts', async () => {
      const { repeats: page } = await gql<{ repeats: { nodes: DemoRepeat[] } }>(
        `{ repeats(first: 10) { nodes { status score exact article { canonicalUrl } claim { id } alert { claimStatement rating originalArticleUrl } } } }`,
      );
      return page.nodes.length >= 2 ? page.nodes : null;
    });
    console.log('\nRepeats of the claim rated FALSE (also sent as the claim.repeated webhook and the claimRepeated subscription):');
    for (const repeat of repeats) {
      console.log(`  [${repeat.status}] ${repeat.alert.rating} «${repeat.alert.claimStatement.slice(0, 60)}…» (score ${repeat.score})`);
      console.log(`    in ${repeat.article.canonicalUrl}`);
      console.log(`    «${repeat.exact.slice(0, 110)}…»`);
      if (repeat.alert.originalArticleUrl) console.log(`    a republished copy of ${repeat.alert.originalArticleUrl}`);
    }
    await importReviewDemo(gql, site, repeats[0]);
  } finally {
    await site.close();
  }
}

/** Another fact-checker publishes its own review of the claim; Isnad imports it onto the claim. */
async function importReviewDemo(gql: Gql, site: Awaited<ReturnType<typeof startFixtureSite>>, repeat: DemoRepeat): Promise<void> {
  const reviewUrl = `${site.origin}/fact-checks/tanf-meetings`;
  const claimReview = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: reviewUrl,
    datePublished: '2021-02-08',
    claimReviewed: repeat.alert.claimStatement,
    author: { '@type': 'Organization', name: 'مرصد التحقق', url: site.origin },
    reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'ادعاء بلا دليل' },
    itemReviewed: { '@type': 'Claim', author: { '@type': 'Organization', name: 'سبوتنيك' }, appearance: [{ '@type': 'CreativeWork', url: repeat.article.canonicalUrl }] },
  };
  site.routes['/fact-checks/tanf-meetings'] = servePage(
    articleHtml('هل التقت استخبارات غربية بقادة من داعش في التنف؟', ['لم نجد أي دليل على هذه الرواية في المصادر الرسمية أو الميدانية.']).replace(
      '</head>',
      `<script type="application/ld+json">${JSON.stringify(claimReview)}</script></head>`,
    ),
  );
  const { importClaimReviews } = await gql<{
    importClaimReviews: { reviews: { status: string; claimCreated: boolean; review: { claimId: string; reviewerName: string; ratingText: string; ratingValue: string; bestRating: string } }[] };
  }>(
    `mutation($url: String!) { importClaimReviews(input: { url: $url }) { reviews { status claimCreated review { claimId reviewerName ratingText ratingValue bestRating } } } }`,
    { url: reviewUrl },
  );
  const [{ status, claimCreated, review }] = importClaimReviews.reviews;
  console.log(`
Another fact-checker's ClaimReview at ${reviewUrl}: ${status}`);
  console.log(`  ${review.reviewerName}: «${review.ratingText}» (${review.ratingValue} of ${review.bestRating}, their own scale, kept as given)`);
  console.log(
    claimCreated
      ? '  no known claim matched: a new canonical claim was made for it'
      : `  linked to the claim rated FALSE above (${review.claimId === repeat.claim.id ? 'the same claim' : review.claimId}): already checked by another organisation`,
  );
}
