import { jsonForScript } from './claim-review';
import { escapeHtml, stripUnsafeControls } from './html';

describe('text bound for feeds and pages', () => {
  it.each([
    ['a right-to-left override', 'invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['isolates and embeddings', '\u2066x\u2069 \u202Ay\u202C', 'x y'],
    ['XML-forbidden controls', 'a\u0000b\u0008c\u001Fd', 'abcd'],
  ])('drops %s', (_name, input, expected) => {
    expect(stripUnsafeControls(input)).toBe(expected);
  });

  it('keeps Arabic diacritics, tatweel and the marks bidi text needs', () => {
    const arabic = 'قالَ المُتَحَدِّثُ\u200F: «ـــ» \u061C(2021)\u200E\n\tسطر';
    expect(stripUnsafeControls(arabic)).toBe(arabic);
  });

  it('escapes markup and both quote kinds for element text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });

  it('writes JSON that cannot close the script block it is embedded in', () => {
    const json = jsonForScript({ headline: '</script><script>alert(1)</script> & \u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ headline: '</script><script>alert(1)</script> & \u2028' });
  });
});
