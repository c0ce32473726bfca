import { normalizeForSearch } from './arabic-normalize';

/**
 * Page furniture that survives capture or pasting: WordPress comment forms, comment counters,
 * share bars, "read also" lists, copyright lines and the title printed twice. Lines are judged by
 * their search key, so hamza, diacritics and punctuation variants are caught alike.
 */

export type BoilerplateKind =
  | 'comment-form'
  | 'comment-count'
  | 'share'
  | 'read-also'
  | 'copyright'
  | 'tags'
  | 'follow-us'
  | 'duplicate-title';

export interface RemovedLine {
  kind: BoilerplateKind;
  line: string;
}

export interface CleanedArticleText {
  text: string;
  removed: RemovedLine[];
}

const COMMENT_FORM_EXACT = new Set([
  'اترك رد', 'اترك ردا', 'اترك تعليقا', 'اترك تعليق', 'اضف تعليق', 'اضف تعليقا', 'الغاء الرد', 'ارسال التعليق',
  'التعليق', 'الاسم', 'البريد الالكتروني', 'الموقع الالكتروني', 'اكتب تعليقك', 'leave a reply', 'leave a comment',
  'cancel reply', 'post comment', 'submit comment', 'comment', 'name', 'email', 'website', 'add a comment',
]);
const COMMENT_FORM_PREFIXES = [
  'لن يتم نشر عنوان بريدك', 'لن يتم نشر البريد', 'الحقول الالزاميه مشار', 'الحقول المطلوبه', 'احفظ اسمي',
  'your email address will not be published', 'required fields are marked', 'save my name email',
  'you must be logged in to post a comment', 'يجب انت تكون مسجل الدخول', 'يجب ان تكون مسجل الدخول',
];
const COMMENT_COUNT = /^(?:\d{1,5}|(?:\d{1,5} )?(?:comments?|تعليق|تعليقات|تعليقان)|لا توجد تعليقات|no comments(?: yet)?)$/u;
const SHARE_WORDS = new Set([
  'share', 'shares', 'شارك', 'شاركها', 'شارك الخبر', 'مشاركه', 'facebook', 'فيسبوك', 'فيس', 'بوك', 'twitter', 'تويتر',
  'x', 'whatsapp', 'واتساب', 'واتس', 'اب', 'telegram', 'تيليجرام', 'تلغرام', 'تليجرام', 'linkedin', 'لينكدان', 'email',
  'print', 'طباعه', 'pinterest', 'reddit', 'tweet', 'غرد', 'messenger', 'on', 'this', 'عبر', 'علي', 'via', 'copy', 'link',
  'نسخ', 'الرابط', 'البريد', 'الالكتروني', 'article', 'المقال', 'الخبر', 'story',
]);
const SHARE_ANCHORS = new Set(['share', 'شارك', 'شاركها', 'مشاركه', 'facebook', 'فيسبوك', 'twitter', 'تويتر', 'whatsapp', 'واتساب', 'tweet', 'telegram']);
const READ_ALSO_PREFIXES = [
  'اقرا ايضا', 'اقرا المزيد', 'اقرا كذلك', 'مواضيع ذات صله', 'اخبار ذات صله', 'مقالات ذات صله', 'قد يهمك', 'شاهد ايضا',
  'read also', 'read more', 'also read', 'related articles', 'related stories', 'related', 'see also', 'you may also like',
  'more from',
];
const COPYRIGHT = /(?:^copyright|جميع الحقوق محفوظه|all rights reserved|^حقوق النشر|^حقوق الطبع)/u;
const TAGS_PREFIXES = ['الوسوم', 'وسوم', 'كلمات مفتاحيه', 'tags', 'topics'];
const FOLLOW_PREFIXES = ['تابعونا علي', 'تابعنا علي', 'follow us on', 'follow us', 'subscribe to our newsletter'];
const SENTENCE_END = /[.!?؟؛…:”"»]\s*$/u;

/** The boilerplate kind of a single line, or null when the line may be article text. */
export function classifyBoilerplateLine(line: string): BoilerplateKind | null {
  const key = normalizeForSearch(line);
  if (!key) return line.includes('©') ? 'copyright' : null;
  const words = key.split(' ');
  if (COMMENT_FORM_EXACT.has(key) || COMMENT_FORM_PREFIXES.some((p) => key.startsWith(p))) return 'comment-form';
  if (COMMENT_COUNT.test(key)) return 'comment-count';
  if (line.includes('©') || (COPYRIGHT.test(key) && words.length <= 20)) return 'copyright';
  if (words.length <= 12 && words.some((w) => SHARE_ANCHORS.has(w)) && words.every((w) => SHARE_WORDS.has(w) || /^\d+$/u.test(w))) {
    return 'share';
  }
  if (words.length <= 16 && READ_ALSO_PREFIXES.some((p) => key === p || key.startsWith(`${p} `))) return 'read-also';
  if (words.length <= 16 && TAGS_PREFIXES.some((p) => key === p || key.startsWith(`${p} `)) && /^(?:\s*\S+\s*[:：])/u.test(line)) return 'tags';
  if (words.length <= 10 && FOLLOW_PREFIXES.some((p) => key.startsWith(p))) return 'follow-us';
  return null;
}

/** `text` (NFC) without boilerplate lines, the title kept once at most; every kept line is unchanged. */
export function cleanArticleText(text: string, opts: { title?: string } = {}): CleanedArticleText {
  const lines = text.normalize('NFC').replace(/\r\n?/gu, '\n').split('\n');
  const removed: RemovedLine[] = [];
  const kept: string[] = [];
  const firstLine = lines.find((l) => l.trim() !== '');
  const titleKey = normalizeForSearch(opts.title ?? (firstLine && !SENTENCE_END.test(firstLine) ? firstLine : ''));
  let titleSeen = false;
  let inReadAlsoList = false;

  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') {
      kept.push(line);
      continue;
    }
    const key = normalizeForSearch(trimmed);
    if (titleKey && key === titleKey) {
      if (titleSeen) {
        removed.push({ kind: 'duplicate-title', line });
        continue;
      }
      titleSeen = true;
      kept.push(line);
      inReadAlsoList = false;
      continue;
    }
    const kind = classifyBoilerplateLine(trimmed);
    if (kind) {
      removed.push({ kind, line });
      // A bare "read also" heading introduces a list of headlines, one a line.
      inReadAlsoList = kind === 'read-also' && READ_ALSO_PREFIXES.includes(key);
      continue;
    }
    if (inReadAlsoList && isHeadlineLike(trimmed)) {
      removed.push({ kind: 'read-also', line });
      continue;
    }
    inReadAlsoList = false;
    kept.push(line);
  }
  const cleaned = kept.join('\n').replace(/\n[ \t]*(?:\n[ \t]*){2,}/gu, '\n\n').replace(/^\s*\n|\n\s*$/gu, '');
  return { text: cleaned.trim() === '' ? '' : trimBlankEdges(cleaned), removed };
}

function isHeadlineLike(line: string): boolean {
  const words = line.split(/\s+/u).length;
  return words <= 18 && !/[.!?؟؛…]\s*$/u.test(line.replace(/[”"»]+$/u, ''));
}

function trimBlankEdges(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/u, '').replace(/(?:\n[ \t]*)+$/u, '');
}
