/**
 * The root of an Arabic word by the ISRI stemmer (Taghva, Elkhoury and Coombs, "Arabic stemming
 * without a root dictionary", ITCC 2005), as NLTK implements it (nltk.stem.isri, Apache 2.0):
 * prefixes and suffixes of three, two and one letters, then the word's pattern by its length
 * (مفاعل, افعال, استفعل, فعائل ...) gives three or four root letters. Broken plurals and verb forms
 * meet their singular and their noun: مساجد / مسجد → سجد, تحرق / احراق → حرق, مستشفيات /
 * مستشفى → شفي, قتلى → قتل. Unlike NLTK, it reads folded text (normalizeForSearch's: ة as ه, ى as
 * ي, ئ as ي), so each rule that looks for ة or ئ looks for ه or ي too, and it keeps no stop-word
 * list (callers leave function words out). Pure.
 *
 * Without a dictionary it merges some words of other roots (امريكا → امر, like امير): a caller
 * should weigh a root match as weaker evidence than a shared stem.
 */
import { foldArabic } from './arabic-normalize';

const SHORT_VOWELS = /[\u064B-\u0652]/gu;
// Anything but the letters a search key keeps (ء to ي): diacritics, tatweel, unfolded variants.
const UNFOLDED = /[^\u0621-\u063A\u0641-\u064A]/u;
const PREFIXES_3 = ['كال', 'بال', 'ولل', 'وال'];
const PREFIXES_2 = ['ال', 'لل'];
const PREFIXES_1 = 'لبفسويتنا';
const SUFFIXES_3 = ['تمل', 'همل', 'تان', 'تين', 'كمل'];
const SUFFIXES_2 = ['ون', 'ات', 'ان', 'ين', 'تن', 'كم', 'هن', 'نا', 'يا', 'ها', 'تم', 'كن', 'ني', 'وا', 'ما', 'هم'];
// NLTK's ة and ي suffixes; ه stands for ة in folded text, so it is already there.
const SUFFIXES_1 = 'هيكتان';

// ة (ta marbuta) is folded to ه, and ئ to ي: the patterns that end in ة or hold ئ read those.
const TA_MARBUTA = 'ةه';
const HAMZA_ON_YA = 'ئي';

/** The ISRI root of one Arabic word (three or four letters for most words; the word itself when no rule applies). */
export function arabicRoot(word: string): string {
  // Arabic letters are single UTF-16 units: string indices are letters.
  let w = UNFOLDED.test(word) ? foldArabic(word.replace(SHORT_VOWELS, '')) : word;
  w = stripPrefix32(w);
  w = stripSuffix32(w);
  if (w.length >= 4 && w.startsWith('وو')) w = w.slice(1);
  switch (w.length) {
    case 4:
      return pattern4(w);
    case 5:
      return end5(pattern53(w));
    case 6:
      return end6(pattern6(w));
    case 7:
      w = suffix1(w);
      if (w.length === 7) w = prefix1(w);
      return w.length === 6 ? end6(pattern6(w)) : w;
    default:
      return w;
  }
}

function stripPrefix32(w: string): string {
  if (w.length >= 6) for (const p of PREFIXES_3) if (w.startsWith(p)) return w.slice(3);
  if (w.length >= 5) for (const p of PREFIXES_2) if (w.startsWith(p)) return w.slice(2);
  return w;
}

function stripSuffix32(w: string): string {
  if (w.length >= 6) for (const s of SUFFIXES_3) if (w.endsWith(s)) return w.slice(0, -3);
  if (w.length >= 5) for (const s of SUFFIXES_2) if (w.endsWith(s)) return w.slice(0, -2);
  return w;
}

function suffix1(w: string): string {
  return SUFFIXES_1.includes(w[w.length - 1]) ? w.slice(0, -1) : w;
}

function prefix1(w: string): string {
  return PREFIXES_1.includes(w[0]) ? w.slice(1) : w;
}

/** Words of four letters: مفعل, فاعل, فعال / فعول / فعيل, فعلة, else one affix letter. */
function pattern4(w: string): string {
  if (w[0] === 'م') return w.slice(1);
  if (w[1] === 'ا') return w[0] + w[2] + w[3];
  if ('اوي'.includes(w[2])) return w[0] + w[1] + w[3];
  if (TA_MARBUTA.includes(w[3])) return w.slice(0, 3);
  const trimmed = suffix1(w);
  return trimmed.length === 4 ? prefix1(trimmed) : trimmed;
}

/** Words of five letters whose pattern leaves a root of three. */
function pattern53(w: string): string {
  const [a, b, c, d, e] = [w[0], w[1], w[2], w[3], w[4]];
  if ('ات'.includes(c) && a === 'ا') return b + d + e; // افتعل, افاعل
  if ('ايو'.includes(d) && a === 'م') return b + c + e; // مفعول, مفعال, مفعيل
  if ('اتم'.includes(a) && TA_MARBUTA.includes(e)) return b + c + d; // مفعلة, تفعلة, افعلة
  if ('ميت'.includes(a) && c === 'ت') return b + d + e; // مفتعل, يفتعل, تفتعل
  if ('مت'.includes(a) && c === 'ا') return b + d + e; // مفاعل, تفاعل
  if ('او'.includes(c) && TA_MARBUTA.includes(e)) return a + b + d; // فعولة, فعالة
  if ('ام'.includes(a) && b === 'ن') return c + d + e; // انفعل, منفعل
  if (d === 'ا' && a === 'ا') return b + c + e; // افعال
  if (e === 'ن' && d === 'ا') return a + b + c; // فعلان
  if (d === 'ي' && a === 'ت') return b + c + e; // تفعيل
  if (d === 'و' && b === 'ا') return a + c + e; // فاعول
  if (c === 'ا' && b === 'و') return a + d + e; // فواعل
  if (HAMZA_ON_YA.includes(d) && c === 'ا') return a + b + e; // فعائل
  if (TA_MARBUTA.includes(e) && b === 'ا') return a + c + d; // فاعلة
  if (e === 'ي' && c === 'ا') return a + b + d; // فعالي
  const trimmed = suffix1(w);
  return trimmed.length === 5 ? prefix1(trimmed) : trimmed;
}

/** Words of five letters whose pattern leaves a root of four: تفعلل, افعلل, مفعلل, فعللة, فعالل. */
function pattern54(w: string): string {
  if ('اتم'.includes(w[0])) return w.slice(1);
  if (TA_MARBUTA.includes(w[4])) return w.slice(0, 4);
  if (w[2] === 'ا') return w[0] + w[1] + w[3] + w[4];
  return w;
}

function end5(w: string): string {
  if (w.length === 4) return pattern4(w);
  if (w.length === 5) return pattern54(w);
  return w;
}

/** Words of six letters: استفعل / مستفعل, مفعالة, افتعال, افعوعل, تفاعيل, else one affix letter. */
function pattern6(w: string): string {
  if (w.startsWith('است') || w.startsWith('مست')) return w.slice(3);
  if (w[0] === 'م' && w[3] === 'ا' && TA_MARBUTA.includes(w[5])) return w[1] + w[2] + w[4];
  if (w[0] === 'ا' && w[2] === 'ت' && w[4] === 'ا') return w[1] + w[3] + w[5];
  if (w[0] === 'ا' && w[3] === 'و' && w[2] === w[4]) return w[1] + w[4] + w[5];
  if (w[0] === 'ت' && w[2] === 'ا' && w[4] === 'ي') return w[1] + w[3] + w[5];
  const trimmed = suffix1(w);
  return trimmed.length === 6 ? prefix1(trimmed) : trimmed;
}

/** Words of six letters whose pattern leaves a root of four: افعلال, متفعلل. */
function pattern64(w: string): string {
  if (w[0] === 'ا' && w[4] === 'ا') return w[1] + w[2] + w[3] + w[5];
  if (w.startsWith('مت')) return w.slice(2);
  return w;
}

function end6(w: string): string {
  if (w.length === 5) return end5(pattern53(w));
  if (w.length === 6) return pattern64(w);
  return w;
}
