import { findCreditLine } from './credit-line';

describe('credit lines', () => {
  it.each([
    ['Arabic source line at the foot', 'نص الخبر هنا.\n\nتابعونا على تلغرام\n\nالمصدر: سبوتنيك', 'سبوتنيك', 'Sputnik'],
    ['"quoted from" with the word agency', 'نقلاً عن وكالة رويترز\n\nنص الخبر هنا.', 'رويترز', 'Reuters'],
    ['English source line', 'The story.\n\nSource: Reuters', 'Reuters', 'Reuters'],
    ['an outlet Isnad has no canonical name for', 'الخبر.\n\nالمصدر: شبكة الفرات', 'شبكة الفرات', null],
  ])('%s', (_, text, name, canonical) => {
    const credit = findCreditLine(text);
    expect(credit).toMatchObject({ name, canonicalName: canonical });
    expect([...text].slice(credit!.start, credit!.end).join('')).toBe(name);
  });

  it('does not take a sentence about "the source" for a credit line', () => {
    expect(findCreditLine('المصدر أكد أن الاجتماعات عقدت سراً\n\nوأضاف أن الأمر خطير.')).toBeNull();
    expect(findCreditLine('The source said talks went on for hours.')).toBeNull();
  });
});
