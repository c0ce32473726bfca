import iconv from 'iconv-lite';
import { decodePage, encodingForLabel } from './page-decoding';

const ARABIC = 'قال مصدر مطلع لوكالة سبوتنيك إن الاجتماع عقد في دير الزور';
const page = (charsetMeta: string, body = ARABIC) => `<html><head>${charsetMeta}<title>خبر</title></head><body><p>${body}</p></body></html>`;

describe('reading a fetched Arabic page in the encoding it was written in', () => {
  it.each([
    ['windows-1256 named by the HTTP header', 'windows-1256', 'text/html; charset=windows-1256', '', 'HEADER'],
    ['ISO-8859-6 named by the HTTP header', 'iso-8859-6', 'text/html; charset=ISO-8859-6', '', 'HEADER'],
    ['windows-1256 named only by <meta charset>', 'windows-1256', 'text/html', '<meta charset="windows-1256">', 'META'],
    ['ISO-8859-6 named by <meta http-equiv>', 'iso-8859-6', 'text/html', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-6">', 'META'],
    ['UTF-8 with no declaration at all', 'utf-8', 'text/html', '', 'DEFAULT'],
  ])('%s', (_story, encoding, contentType, meta, source) => {
    const bytes = iconv.encode(page(meta), encoding);
    const decoded = decodePage(bytes, contentType);
    expect(decoded.text).toContain(ARABIC);
    expect(decoded.source).toBe(source);
  });

  it.each(['windows-1256', 'iso-8859-6'])('detects %s on a page that declares no charset at all', (encoding) => {
    const body = `${ARABIC}. وأضاف المصدر أن المجتمعين بحثوا تكثيف الهجمات على القوات الحكومية وعلى القواعد العسكرية في المنطقة الشرقية من البلاد.`;
    const decoded = decodePage(iconv.encode(page('', body), encoding), 'text/html');
    expect(decoded).toMatchObject({ encoding, source: 'DETECTED' });
    expect(decoded.text).toContain(body);
  });

  it('still reads an undeclared Latin page as windows-1252', () => {
    const french = 'Le café est très bon, déjà à côté du théâtre élégant où l’on répète.';
    const decoded = decodePage(iconv.encode(page('', french), 'windows-1252'), 'text/html');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain(french);
  });

  it('lets a byte-order mark win over a wrong header', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(''), 'utf8')]);
    expect(decodePage(bytes, 'text/html; charset=windows-1256')).toMatchObject({ encoding: 'utf-8', source: 'BOM' });
    expect(decodePage(bytes, 'text/html; charset=windows-1256').text).toContain(ARABIC);
  });

  it('stores no mojibake when a UTF-8 page is labelled windows-1256 or latin-1', () => {
    for (const label of ['windows-1256', 'iso-8859-1']) {
      const decoded = decodePage(Buffer.from(page(`<meta charset="${label}">`), 'utf8'), 'text/html');
      expect(decoded.text).toContain(ARABIC);
      expect(decoded.text).not.toMatch(/Ø|Ù/);
    }
  });

  it('reads the labels browsers accept', () => {
    expect(encodingForLabel('CP1256')).toBe('windows-1256');
    expect(encodingForLabel('ISO_8859-6')).toBe('iso-8859-6');
    expect(encodingForLabel('latin1')).toBe('windows-1252');
    expect(encodingForLabel('no-such-encoding')).toBeNull();
  });
});
