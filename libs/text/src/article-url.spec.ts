import { InvalidArticleUrlError, displayUrl, normalizeArticleUrl, siteHostOf } from './article-url';

describe('one canonical URL per article', () => {
  it.each([
    ['tracking parameters and fragment', 'https://www.example.com/a/b/?utm_source=tw&utm_medium=x&fbclid=1#c', 'https://www.example.com/a/b'],
    ['host case and default port', 'HTTPS://News.Example.COM:443/Story', 'https://news.example.com/Story'],
    ['query order', 'https://example.com/s?b=2&a=1&gclid=z', 'https://example.com/s?a=1&b=2'],
    ['credentials', 'https://user:pw@example.com/x', 'https://example.com/x'],
    ['an Arabic slug (percent-encoded once)', 'https://example.com/ar/أخبار/سوريا', 'https://example.com/ar/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7'],
    ['an already encoded Arabic slug', 'https://example.com/ar/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7', 'https://example.com/ar/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7'],
  ])('normalises %s', (_name, input, expected) => {
    expect(normalizeArticleUrl(input)).toBe(expected);
  });

  it.each([['not a url'], ['ftp://example.com/file'], ['javascript:alert(1)'], ['https://intranet/page'], ['']])(
    'refuses %j',
    (input) => {
      expect(() => normalizeArticleUrl(input)).toThrow(InvalidArticleUrlError);
    },
  );

  it('files www and bare hosts under one site, and shows Arabic slugs readably', () => {
    expect(siteHostOf('https://www.Sputniknews.com/x')).toBe('sputniknews.com');
    expect(displayUrl('https://example.com/ar/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7')).toBe('https://example.com/ar/سوريا');
    expect(displayUrl('https://example.com/%E0%A4%A')).toBe('https://example.com/%E0%A4%A');
    // Control characters are not decoded into the text a reader sees (nor into JSON as \u0000).
    expect(displayUrl('https://example.com/a%00b%0A%7F/%D8%B3')).toBe('https://example.com/a%00b%0A%7F/س');
  });
});
