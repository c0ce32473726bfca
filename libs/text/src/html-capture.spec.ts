import { cleanArticleText } from './boilerplate-clean';
import { findClaimCandidates } from './claim-candidates';
import { extractArticleFromHtml } from './html-capture';
import { NoArticleContentError, PageTooLargeError } from './html-capture.errors';
import { readJsonLd } from './html-metadata';
import { buildLargeNewsPage } from './testing/large-page';
import { readHtmlFixture, readSeedArticle } from './testing/fixtures';

describe('extractArticleFromHtml: capturing the seed article from its WordPress page', () => {
  const article = extractArticleFromHtml(readHtmlFixture('wordpress-seed-article.html'), { url: 'https://akhbar-example.net/?p=4512' });

  it('keeps exactly the seed body, paragraph for paragraph, without the comment form, share bar or read-also list', () => {
    const seedBody = cleanArticleText(readSeedArticle()).text.split('\n\n').slice(1).join('\n\n');
    expect(article.text).toBe(seedBody);
  });

  it.each<[string, unknown]>([
    ['title', 'تنظيم داعش في سوريا يلتقي استخبارات دول غربية'],
    ['byline', 'فريق التحرير'],
    ['publishedAt', '2024-02-02T07:15:00.000Z'],
    ['publishedAtDeclared', '2024-02-02T10:15:00+03:00'],
    ['language', 'ar'],
    ['dir', 'rtl'],
    ['canonicalUrl', 'https://akhbar-example.net/2024/02/02/daesh-syria/'],
    ['siteName', 'أخبار المثال'],
  ])('reads %s', (field, expected) => {
    expect(article[field as keyof typeof article]).toEqual(expected);
  });

  it('feeds the claim finder, which still finds the informed source relayed by Sputnik', () => {
    const candidates = findClaimCandidates(article.text, { publishedAt: article.publishedAtDeclared ?? undefined });
    const first = candidates.find((c) => c.exact.startsWith('أفاد مصدر مطلع'));
    expect(first?.suggestedChain.map((h) => h.canonicalName ?? h.descriptor)).toEqual(['مصدر مطلع', 'Sputnik']);
    expect(first?.dates.map((d) => d.date)).toEqual(['2024-02-02']);
  });
});

describe('extractArticleFromHtml: other pages', () => {
  it('reads a JSON-LD NewsArticle next to a broken JSON-LD block, over a wrong lang="en-US"', () => {
    const article = extractArticleFromHtml(readHtmlFixture('jsonld-news-article.html'), { url: 'https://rasad-example.org/ar/news/123' });
    expect(article).toMatchObject({
      title: 'الأمم المتحدة: نزوح 40 ألف شخص من ريف إدلب خلال أسبوع',
      byline: 'سارة الحلبي, عمر الخطيب',
      publishedAt: '2024-03-07T08:00:00.000Z',
      siteName: 'موقع الرصد',
      language: 'ar',
      dir: 'rtl',
      canonicalUrl: 'https://rasad-example.org/ar/news/2024/03/idlib-displacement',
    });
    expect(article.metadata.htmlLang).toBe('en-US');
    expect(article.text.startsWith('قال مكتب الأمم المتحدة')).toBe(true);
    expect(article.text).not.toContain('الوسوم');
  });

  it('captures an English wire story without its byline line, related links or copyright', () => {
    const article = extractArticleFromHtml(readHtmlFixture('english-wire-story.html'));
    expect(article).toMatchObject({ byline: 'Jane Doe', language: 'en', dir: 'ltr', siteName: 'Wire Example', publishedAt: '2024-03-06T14:20:00.000Z' });
    expect(article.text.startsWith('BAGHDAD, March 6')).toBe(true);
    expect(article.text.split('\n\n')).toHaveLength(4);
    expect(article.text).not.toMatch(/Related|©|By Jane Doe/u);
  });

  it('still extracts from broken markup: unclosed tags, a stray </td>, unquoted attributes', () => {
    const article = extractArticleFromHtml(readHtmlFixture('broken-markup.html'), { url: 'https://example.org/latakia' });
    expect(article.title).toBe('انفجار في ميناء اللاذقية يلحق أضراراً بمستودعات');
    expect(article.publishedAt).toBe('2024-04-11T03:00:00.000Z');
    expect(article.canonicalUrl).toBe('https://example.org/latakia');
    expect(article.text).toContain('أفادت وكالة سانا أن انفجاراً وقع');
    expect(article.text).toContain('استؤنفت بشكل جزئي مساء أمس الأربعاء.');
    expect(article.text).not.toContain('©');
  });

  it.each([
    ['a home page of headlines', readHtmlFixture('no-article-homepage.html')],
    ['an empty document', '<html><body></body></html>'],
    ['plain text that is not HTML', 'just some words'],
    ['a page with one short paragraph', '<html><body><article><p>قال الوزير إن الاجتماع انتهى.</p></article></body></html>'],
  ])('refuses %s with NO_ARTICLE_CONTENT', (_story, html) => {
    expect(() => extractArticleFromHtml(html)).toThrow(NoArticleContentError);
    try {
      extractArticleFromHtml(html);
    } catch (error) {
      expect((error as NoArticleContentError).code).toBe('NO_ARTICLE_CONTENT');
    }
  });

  it('captures a generated 5 MB page in bounded time', () => {
    const page = buildLargeNewsPage(5);
    const started = Date.now();
    const article = extractArticleFromHtml(page);
    // The bench measures about half a second; the bound is loose for slow CI machines.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(article.text.split('\n\n')).toHaveLength(40);
    expect(article.text).not.toContain('تعليق رقم');
  });

  it('refuses a page with more elements than capture walks', () => {
    const page = `<html><body><article><p>${'نص '.repeat(200)}</p></article>${'<i></i>'.repeat(200_001)}</body></html>`;
    expect(() => extractArticleFromHtml(page)).toThrow(PageTooLargeError);
  });
});

describe('readJsonLd', () => {
  it.each<[string, string, string | null]>([
    ['a Yoast @graph', '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["Article","NewsArticle"],"headline":"عنوان"}]}</script>', 'عنوان'],
    ['trailing commas', '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Headline",}</script>', 'Headline'],
    ['a top-level array', "<script type='application/ld+json'>[{\"@type\":\"Organization\"},{\"@type\":\"BlogPosting\",\"headline\":\"Post\"}]</script>", 'Post'],
    ['garbage only', '<script type="application/ld+json">{oops</script>', null],
  ])('%s', (_case, html, headline) => {
    expect(readJsonLd(html)?.headline ?? null).toBe(headline);
  });
});
