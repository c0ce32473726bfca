import { analyse } from 'chardet';
import iconv from 'iconv-lite';

/** Where the encoding of a page was read from. */
export type EncodingSource = 'BOM' | 'HEADER' | 'META' | 'XML_DECLARATION' | 'UTF8_CONTENT' | 'DETECTED' | 'DEFAULT';

export interface DecodedPage {
  text: string;
  /** The encoding used, as iconv-lite names it (utf-8, windows-1256, iso-8859-6 ...). */
  encoding: string;
  source: EncodingSource;
}

// WHATWG Encoding: these labels all mean windows-1252 in a browser, and pages rely on it.
const WINDOWS_1252_LABELS = new Set(['ascii', 'us-ascii', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'cp819', 'ibm819', 'iso_8859-1']);
const ARABIC_LABELS: Record<string, string> = {
  'arabic': 'iso-8859-6',
  'asmo-708': 'iso-8859-6',
  'ecma-114': 'iso-8859-6',
  'iso-8859-6-e': 'iso-8859-6',
  'iso-8859-6-i': 'iso-8859-6',
  'iso_8859-6': 'iso-8859-6',
  'csisolatinarabic': 'iso-8859-6',
  'cp1256': 'windows-1256',
  'x-cp1256': 'windows-1256',
};

/** The encoding a charset label names, or null when iconv-lite does not know it. */
export function encodingForLabel(label: string | null | undefined): string | null {
  const key = label?.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!key) return null;
  if (WINDOWS_1252_LABELS.has(key)) return 'windows-1252';
  if (key === 'utf8' || key === 'unicode-1-1-utf-8') return 'utf-8';
  const mapped = ARABIC_LABELS[key] ?? key;
  return iconv.encodingExists(mapped) ? mapped : null;
}

/** The charset parameter of a Content-Type header. */
export function charsetOfContentType(contentType: string | null | undefined): string | null {
  return /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '')?.[2] ?? null;
}

function bomEncoding(bytes: Buffer): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/** `<meta charset>` or `<meta http-equiv=Content-Type content="...; charset=">` in the first 1,024 bytes. */
function metaCharset(head: string): string | null {
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(tag);
    if (direct) return direct[1];
  }
  return null;
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const hasNonAscii = (bytes: Buffer) => bytes.some((b) => b >= 0x80);
const SINGLE_BYTE = /^(windows-125\d|iso-8859-\d+|koi8-[ru]|macintosh)$/;

/**
 * Decodes a fetched page the way a browser would: a byte-order mark wins, then the HTTP header's
 * charset, then `<meta charset>` (or an XML declaration), then UTF-8 when the bytes are valid
 * UTF-8, else the encoding chardet detects (windows-1256 and ISO-8859-6 for undeclared Arabic
 * pages), else windows-1252. One correction keeps mojibake out: bytes that are valid multi-byte
 * UTF-8 but labelled with a single-byte encoding (a common server misconfiguration) are read as
 * UTF-8, since such sequences almost never occur by chance in single-byte text.
 */
export function decodePage(bytes: Buffer, contentType?: string | null): DecodedPage {
  const bom = bomEncoding(bytes);
  if (bom) return { text: iconv.decode(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, source: 'BOM' };
  const head = bytes.subarray(0, 1024).toString('latin1');
  const declared: [string | null, EncodingSource][] = [
    [encodingForLabel(charsetOfContentType(contentType)), 'HEADER'],
    [encodingForLabel(metaCharset(head)), 'META'],
    [encodingForLabel(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]), 'XML_DECLARATION'],
  ];
  const found = declared.find(([encoding]) => encoding) as [string, EncodingSource] | undefined;
  if (found) {
    const [encoding, source] = found;
    if (SINGLE_BYTE.test(encoding) && hasNonAscii(bytes) && isValidUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf-8', source: 'UTF8_CONTENT' };
    return { text: iconv.decode(bytes, encoding), encoding, source };
  }
  if (isValidUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf-8', source: 'DEFAULT' };
  const detected = detectSingleByte(bytes);
  if (detected) return { text: iconv.decode(bytes, detected), encoding: detected, source: 'DETECTED' };
  return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252', source: 'DEFAULT' };
}

/** Bytes chardet reads to guess: enough text for its n-gram statistics, bounded in time. */
const DETECTION_SAMPLE = 64 * 1024;
const MIN_CONFIDENCE = 20;

/** The single-byte encoding chardet finds most likely for undeclared bytes, or null when it is unsure. */
function detectSingleByte(bytes: Buffer): string | null {
  const [best] = analyse(bytes.subarray(0, DETECTION_SAMPLE));
  if (!best || best.confidence < MIN_CONFIDENCE) return null;
  const encoding = encodingForLabel(best.name);
  return encoding && SINGLE_BYTE.test(encoding) ? encoding : null;
}
