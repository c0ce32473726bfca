import { MAX_WORDS, SHINGLE_WORDS, isSampled, sampledKeys, shingleText, wordTokens } from './text-fingerprint';

describe('text fingerprints', () => {
  it('keys words by their search form, so diacritics, letter variants and case do not matter', () => {
    expect(shingleText('قالَ المسؤولُ إنّ الهجمات توقفت').shingles).toEqual(shingleText('قال المسؤول ان الهجمات توقفت').shingles);
    expect(shingleText('The Ministry SAID').shingles).toEqual(shingleText('the ministry said').shingles);
    expect(shingleText('!!! ...').words).toEqual([]);
  });

  it('keeps where each word sits, in code points and UTF-16 units of the text', () => {
    const text = '😀 «قالَ» الوزير';
    const [said, minister] = wordTokens(text);
    expect(said).toMatchObject({ key: 'قال', start: 3, end: 7 });
    expect(text.slice(said.from, said.to)).toBe('قالَ');
    expect([...text].slice(minister.start, minister.end).join('')).toBe('الوزير');
  });

  it('samples the same shingles in every text, about one in two', () => {
    const text = Array.from({ length: 400 }, (_, i) => `كلمة${i}`).join(' ');
    const { shingles } = shingleText(text);
    expect(shingles).toHaveLength(400 - SHINGLE_WORDS + 1);
    const keys = sampledKeys(shingleText(text));
    expect(keys.length / shingles.length).toBeGreaterThan(0.4);
    expect(keys.length / shingles.length).toBeLessThan(0.6);
    expect(keys.every(isSampled)).toBe(true);
    // A text containing this one has all its samples.
    const longer = new Set(sampledKeys(shingleText(`مقدمة جديدة للخبر ${text} تابعونا`)));
    expect(keys.every((key) => longer.has(key))).toBe(true);
  });

  it('reads at most MAX_WORDS words of a huge page, so one capture stays bounded', () => {
    expect(wordTokens('كلمة '.repeat(MAX_WORDS + 500))).toHaveLength(MAX_WORDS);
  });
});
