import { NotAFeedError, parseFeedItems } from './feed-items';

describe('reading the items of the feeds outlets publish', () => {
  it('reads RSS 2.0 items, resolving relative links against the feed', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>أخبار</title>
      <item><title>خبر أول</title><link>https://news.example/a?utm_source=rss</link><pubDate>Fri, 05 Feb 2021 09:00:00 GMT</pubDate></item>
      <item><title>خبر ثان</title><link>/b</link></item>
      <item><title>بلا رابط</title></item></channel></rss>`;
    const items = parseFeedItems(rss, 'https://news.example/feed.xml');
    expect(items.map((i) => i.url)).toEqual(['https://news.example/a', 'https://news.example/b']); // tracking parameters dropped
    expect(items[0]).toMatchObject({ title: 'خبر أول', updated: '2021-02-05T09:00:00.000Z' });
  });

  it('reads Atom entries with their updated stamp', () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة</title><id>urn:x</id><updated>2021-02-06T00:00:00Z</updated>
      <entry><title>تقرير</title><id>urn:1</id><link href="https://agency.example/report-1"/><updated>2021-02-06T10:00:00Z</updated></entry></feed>`;
    expect(parseFeedItems(atom)).toEqual([{ url: 'https://agency.example/report-1', title: 'تقرير', updated: expect.stringMatching(/^2021-02-06T10:00:00/) }]);
  });

  it('reads JSON Feed items', () => {
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'موقع', items: [{ id: '1', url: 'https://site.example/x', title: 'عنوان', date_published: '2021-02-05T09:00:00Z' }] });
    expect(parseFeedItems(json)).toEqual([{ url: 'https://site.example/x', title: 'عنوان', updated: expect.stringMatching(/^2021-02-05T09:00:00/) }]);
  });

  it('reads a news sitemap: each <loc> with its publication date', () => {
    const sitemap = `<?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
        <url><loc>https://site.example/2021/02/story</loc><news:news><news:publication><news:name>موقع</news:name><news:language>ar</news:language></news:publication>
          <news:publication_date>2021-02-05T09:00:00+00:00</news:publication_date><news:title>عنوان الخبر</news:title></news:news></url>
        <url><loc>https://site.example/about</loc><lastmod>2020-01-01</lastmod></url>
      </urlset>`;
    expect(parseFeedItems(sitemap)).toEqual([
      { url: 'https://site.example/2021/02/story', title: 'عنوان الخبر', updated: '2021-02-05T09:00:00+00:00' },
      { url: 'https://site.example/about', title: null, updated: '2020-01-01' },
    ]);
  });

  it('says plainly when a body is no feed', () => {
    expect(() => parseFeedItems('<html><body>not a feed</body></html>')).toThrow(NotAFeedError);
    expect(() => parseFeedItems('{ broken json')).toThrow(NotAFeedError);
    expect(() => parseFeedItems('<sitemapindex><sitemap><loc>https://x.example/s.xml</loc></sitemap></sitemapindex>')).toThrow(/sitemap index/);
  });
});
