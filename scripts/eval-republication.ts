/**
 * `npm run eval:republication [--verbose] [--part dev] [--rules '{"partialContainment":0.3}']`: builds the
 * republication set described in eval/republication/README.md from the articles of eval/extraction
 * (rewritten copies, same-event reports, shared-quotation reports), runs detection on it the way
 * capture does (sampled-shingle candidates from other outlets, document frequencies, exact
 * comparison of the best few, link to the earliest), and prints, for the dev and the held-out part
 * separately: precision and recall of COPY/PARTIAL_COPY, the kinds given, and the share of the
 * original's labelled appearances re-anchored at the right place in the copies.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { anchorAt, cleanArticleText, codePointLength } from '@isnad/text';
import {
  CANDIDATE_LIMIT,
  OUTLET_BOILERPLATE_ARTICLES,
  DEFAULT_REUSE_RULES,
  MAX_DOCUMENT_FREQUENCY,
  MIN_SHARED_SAMPLES,
  ReuseKind,
  ReuseRules,
  ShingledText,
  TextReuse,
  compareTexts,
  copiedAppearances,
  sampledKeys,
  shingleText,
} from '@isnad/linking';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const rulesArg = args[args.indexOf('--rules') + 1];
const rules: ReuseRules = { ...DEFAULT_REUSE_RULES, ...(args.includes('--rules') ? JSON.parse(rulesArg) : {}) };

// ---------------------------------------------------------------- the set

type Part = 'dev' | 'held-out';
type Role = 'original' | 'copy' | 'same-event' | 'shared-quotation';

interface Label {
  exact: string;
}
interface SourceArticle {
  id: string;
  language: 'ar' | 'en';
  text: string;
  labels: Label[];
}

interface Doc {
  id: string;
  part: Part;
  role: Role;
  /** For copies and negatives: the source article they are built from. */
  of: string;
  outlet: string;
  time: number;
  text: string;
  keep?: number;
  /** For copies: where each of the original's labels ended up (code points), null when dropped. */
  expected?: ({ start: number; end: number } | null)[];
}

/** Source articles held out from tuning: the extraction set's held-out folder and four more. */
const HELD_OUT = new Set(['ar-05-egypt-inflation', 'ar-09-libya-oil', 'en-03-darfur-malnutrition', 'en-06-voltra-layoffs']);
const KEEPS = [1, 0.8, 0.6, 0.45, 0.3];

interface Pools {
  leads: string[];
  headers: string[];
  footers: string[];
  credits: string[];
  rewrites: [RegExp, string][];
  edits: [RegExp, string][];
  narrative: string[];
  statement: (quote: string) => string;
}

// Word boundaries for Arabic: letters, not \b.
const ar = (word: string) => new RegExp(`(?<![\\p{L}\\p{M}])${word}(?![\\p{L}\\p{M}])`, 'gu');
const en = (phrase: string) => new RegExp(`\\b${phrase}\\b`, 'g');

const POOLS: Record<Part, Record<'ar' | 'en', Pools>> = {
  dev: {
    ar: {
      leads: [
        'تناقلت وسائل إعلام عربية صباح اليوم تفاصيل جديدة حول هذا الملف، وفيما يلي ما نشر.',
        'في تطور لافت تابعه موقعنا باهتمام، وردت الأنباء التالية من مصادر إعلامية متعددة.',
        'خاص - متابعات: ننشر لكم تفاصيل الخبر كما وردت إلينا من مراسلينا.',
      ],
      headers: ['شبكة أخبار الفرات | عاجل', 'موقع الشام اليوم - أخبار محلية'],
      footers: [
        'تابعونا على قناتنا في تلغرام لمتابعة آخر الأخبار العاجلة لحظة بلحظة',
        'جميع الحقوق محفوظة لموقع الشام اليوم، ويمنع النسخ دون ذكر المصدر',
      ],
      credits: ['المصدر: سبوتنيك', 'المصدر: وكالات', 'نقلاً عن رويترز'],
      rewrites: [
        [ar('ذكرت'), 'نقلت'],
        [ar('وقال'), 'وأفاد'],
        [ar('أعلنت'), 'كشفت'],
        [ar('وأضاف'), 'وتابع'],
        [ar('أفادت'), 'أكدت'],
        [ar('وأوضح'), 'وبيّن'],
        [ar('بحسب'), 'وفق'],
      ],
      edits: [
        [ar('اليوم'), ''],
        [ar('أكثر من'), 'ما يزيد على'],
      ],
      narrative: [
        'وتأتي هذه التطورات في ظل أوضاع متوترة تشهدها المنطقة منذ أشهر.',
        'وأثار الإعلان ردود فعل متباينة بين المراقبين والمحللين.',
        'وكان المسؤولون قد عقدوا اجتماعاً طارئاً لبحث المستجدات.',
      ],
      statement: (quote) => `وجاء في البيان الرسمي الذي وزع على الصحفيين: «${quote}».`,
    },
    en: {
      leads: [
        'Here is what we know so far about the latest developments, as reported by several news outlets.',
        'Our newsroom has been following the story closely; the details below were published earlier today.',
      ],
      headers: ['BREAKING | Daily Wire Digest'],
      footers: [
        'Follow us on Telegram for the latest breaking news as it happens.',
        'Copyright Daily Wire Digest. All rights reserved. Do not reproduce without permission.',
      ],
      credits: ['Source: Reuters', '(Via AFP)'],
      rewrites: [
        [en('said on'), 'told reporters on'],
        [en('said'), 'stated'],
        [en('told'), 'informed'],
        [en('according to'), 'citing'],
      ],
      edits: [
        [en('on Monday'), 'Monday'],
        [en('at least'), 'no fewer than'],
      ],
      narrative: [
        'The announcement comes amid weeks of rising tension in the region.',
        'Analysts said the move could have wide consequences.',
        'Officials met late into the night to discuss the situation.',
      ],
      statement: (quote) => `In a statement handed to journalists, officials said: "${quote}."`,
    },
  },
  'held-out': {
    ar: {
      leads: [
        'نشرت عدة منصات إخبارية اليوم هذا النبأ الذي أثار اهتماماً واسعاً بين المتابعين.',
        'متابعة إخبارية: إليكم أبرز ما جاء في التقارير المتداولة حول الحدث.',
      ],
      headers: ['بوابة الخبر العربي | متابعات'],
      footers: [
        'اشترك في نشرتنا البريدية لتصلك أهم الأخبار يومياً على بريدك الإلكتروني',
        'لا تنسوا متابعة صفحتنا على فيسبوك وتويتر للمزيد من التغطيات',
      ],
      credits: ['المصدر: الأناضول', 'نقلاً عن فرانس برس'],
      rewrites: [
        [ar('وأكد'), 'وشدد'],
        [ar('أعلن'), 'أفاد'],
        [ar('وقالت'), 'وذكرت'],
        [ar('قال'), 'صرح'],
      ],
      edits: [[ar('الماضي'), 'المنصرم']],
      narrative: [
        'ويرى خبراء أن هذه الخطوة قد تمهد لمرحلة جديدة.',
        'ولم تصدر أي تعليقات إضافية من الجهات المعنية حتى الآن.',
      ],
      statement: (quote) => `وقال المتحدث الرسمي في مؤتمر صحفي: "${quote}".`,
    },
    en: {
      leads: [
        'Several outlets carried the following report on Tuesday, which has drawn wide attention online.',
        'Below is the latest on this developing story, compiled from agency reports.',
      ],
      headers: ['World Brief — Top Stories'],
      footers: [
        "Sign up for our morning newsletter to get the day's top stories in your inbox.",
        'Share this story with your friends and follow us on social media for more updates.',
      ],
      credits: ['Source: Associated Press'],
      rewrites: [
        [en('said'), 'announced'],
        [en('says'), 'reports'],
      ],
      edits: [[en('more than'), 'over']],
      narrative: ['Experts say the situation remains fluid.', 'No further comment was available on the matter.'],
      statement: (quote) => `A spokesperson told a news conference: “${quote}.”`,
    },
  },
};

/** A small deterministic generator (mulberry32) seeded by a string. */
function random(seed: string): () => number {
  let h = 0x811c9dc5;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: T[]): T => list[Math.floor(rnd() * list.length)];
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

// Labels are carried through the rewriting between private-use markers.
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** A rewritten copy of `source` keeping about `keep` of its body's words. */
function rewrittenCopy(source: SourceArticle, part: Part, keep: number): { text: string; expected: ({ start: number; end: number } | null)[] } {
  const rnd = random(`${source.id}/${keep}`);
  const pools = POOLS[part][source.language];
  let marked = source.text;
  source.labels.forEach((label, i) => {
    marked = marked.replace(label.exact, `${OPEN}${i}${OPEN}${label.exact}${CLOSE}`);
  });
  const [title, ...body] = marked.split(/\n\n+/);
  const total = body.reduce((sum, p) => sum + words(p), 0);
  let kept = body.map((p, i) => ({ p, i }));
  while (kept.length > 1) {
    const kw = kept.reduce((sum, k) => sum + words(k.p), 0);
    const droppable = kept.slice(1);
    const victim = pick(rnd, droppable);
    if ((kw - words(victim.p)) / total < keep - 0.05) break;
    kept = kept.filter((k) => k !== victim);
  }
  const rewrite = (text: string) => {
    let out = text;
    for (const [pattern, replacement] of [...pools.rewrites, ...pools.edits]) {
      out = out.replace(pattern, (match) => (rnd() < 0.7 ? replacement : match));
    }
    return out.replace(/ {2,}/g, ' ');
  };
  const marks = pick(rnd, [
    (t: string) => t.replace(/[“”]/g, (m) => (m === '“' ? '«' : '»')),
    (t: string) => t.replace(/[«»]/g, (m) => (m === '«' ? '“' : '”')),
    (t: string) => t.replace(/[«»“”]/g, '"'),
    (t: string) => t,
  ]);
  const parts = [
    pick(rnd, pools.headers),
    ...(rnd() < 0.5 ? [title] : []),
    pick(rnd, pools.leads),
    ...kept.map((k) => marks(rewrite(k.p))),
    ...(rnd() < 0.5 ? [pick(rnd, pools.credits)] : []),
    pick(rnd, pools.footers),
  ];
  let text = parts.join('\n\n');
  // Labels in the dropped title stay marked in the title only when it was kept; unmark and measure.
  const expected: ({ start: number; end: number } | null)[] = source.labels.map(() => null);
  for (;;) {
    const at = text.indexOf(OPEN);
    if (at < 0) break;
    const idEnd = text.indexOf(OPEN, at + 1);
    const index = Number(text.slice(at + 1, idEnd));
    text = text.slice(0, at) + text.slice(idEnd + 1);
    const close = text.indexOf(CLOSE, at);
    text = text.slice(0, close) + text.slice(close + 1);
    const start = codePointLength(text.slice(0, at));
    expected[index] = { start, end: start + codePointLength(text.slice(at, close)) };
  }
  return { text, expected };
}

/** A different report of the same event quoting one of the original's statements word for word. */
function sharedQuotation(source: SourceArticle, part: Part): string {
  const rnd = random(`${source.id}/quotation`);
  const pools = POOLS[part][source.language];
  const quote = [...source.labels].sort((a, b) => b.exact.length - a.exact.length)[0].exact;
  const narrative = [...pools.narrative].sort(() => rnd() - 0.5);
  return [pick(rnd, pools.headers), narrative[0], pools.statement(quote), narrative[1], pick(rnd, pools.footers)].join('\n\n');
}

function loadSources(): (SourceArticle & { part: Part })[] {
  const out: (SourceArticle & { part: Part })[] = [];
  for (const [folder, heldOut] of [['eval/extraction', false], ['eval/extraction/held-out', true]] as const) {
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
      const raw = JSON.parse(readFileSync(join(folder, file), 'utf8'));
      const text = cleanArticleText(raw.textFile ? readFileSync(resolve(dirname(join(folder, file)), raw.textFile), 'utf8') : raw.text).text;
      const labels = (raw.labels as Label[]).filter((l) => text.includes(l.exact));
      out.push({ id: raw.id, language: raw.language, text, labels, part: heldOut || HELD_OUT.has(raw.id) ? 'held-out' : 'dev' });
    }
  }
  return out;
}

function buildSet(): { docs: Doc[]; sources: Map<string, SourceArticle> } {
  const sources = loadSources();
  const sameEvent: { article: string; text: string }[] = JSON.parse(readFileSync('eval/republication/same-event.json', 'utf8'));
  const docs: Doc[] = [];
  sources.forEach((source, n) => {
    const base = n * 100;
    docs.push({ id: source.id, part: source.part, role: 'original', of: source.id, outlet: `outlet-${source.id}`, time: base, text: source.text });
    KEEPS.forEach((keep, k) => {
      const copy = rewrittenCopy(source, source.part, keep);
      docs.push({
        id: `${source.id}~copy-${keep}`,
        part: source.part,
        role: 'copy',
        of: source.id,
        outlet: `copier-${k % 3}`,
        time: base + 10 + k,
        text: copy.text,
        keep,
        expected: copy.expected,
      });
    });
    for (const other of sameEvent.filter((s) => s.article === source.id)) {
      docs.push({ id: `${source.id}~same-event`, part: source.part, role: 'same-event', of: source.id, outlet: 'other-reporter', time: base + 5, text: other.text });
    }
    docs.push({
      id: `${source.id}~quotation`,
      part: source.part,
      role: 'shared-quotation',
      of: source.id,
      outlet: 'quoting-reporter',
      time: base + 6,
      text: sharedQuotation(source, source.part),
    });
  });
  return { docs, sources: new Map(sources.map((s) => [s.id, s])) };
}

// ---------------------------------------------------------------- detection, as capture runs it

interface Indexed {
  doc: Doc;
  shingled: ShingledText;
  samples: number[];
}

interface Link {
  original: string;
  reuse: TextReuse;
}

/** Captures the documents in time order; returns each copy's link and the shared quotations seen. */
function detectAll(docs: Doc[]): { links: Map<string, Link>; quotations: Set<string> } {
  const byHash = new Map<number, Set<string>>();
  const perOutlet = new Map<string, Map<number, number>>();
  const indexed = new Map<string, Indexed>();
  const links = new Map<string, Link>();
  const quotations = new Set<string>();
  for (const doc of [...docs].sort((a, b) => a.time - b.time)) {
    const shingled = shingleText(doc.text);
    const samples = sampledKeys(shingled);
    for (const hash of samples) {
      const set = byHash.get(hash) ?? new Set<string>();
      set.add(doc.id);
      byHash.set(hash, set);
    }
    const outletCounts = perOutlet.get(doc.outlet) ?? new Map<number, number>();
    perOutlet.set(doc.outlet, outletCounts);
    for (const hash of samples) outletCounts.set(hash, (outletCounts.get(hash) ?? 0) + 1);
    const self: Indexed = { doc, shingled, samples };
    indexed.set(doc.id, self);
    const shared = new Map<string, number>();
    for (const hash of samples) {
      const holders = byHash.get(hash) as Set<string>;
      if (holders.size > MAX_DOCUMENT_FREQUENCY || (outletCounts.get(hash) ?? 0) >= OUTLET_BOILERPLATE_ARTICLES) continue;
      for (const id of holders) if (id !== doc.id && indexed.get(id)?.doc.outlet !== doc.outlet) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const candidates = [...shared]
      .filter(([, n]) => n >= MIN_SHARED_SAMPLES)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, CANDIDATE_LIMIT)
      .map(([id]) => indexed.get(id) as Indexed);
    const outlets = [...new Set([doc, ...candidates.map((c) => c.doc)].map((d) => d.outlet))];
    const frequent = new Set(
      [...samples, ...candidates.flatMap((c) => c.samples)].filter(
        (h) =>
          (byHash.get(h)?.size ?? 0) > MAX_DOCUMENT_FREQUENCY ||
          outlets.some((o) => (perOutlet.get(o)?.get(h) ?? 0) >= OUTLET_BOILERPLATE_ARTICLES),
      ),
    );
    const copies: { original: Indexed; copy: Indexed; reuse: TextReuse }[] = [];
    for (const other of candidates) {
      const [original, copy] = other.doc.time <= doc.time ? [other, self] : [self, other];
      const reuse = compareTexts(original.shingled, copy.shingled, frequent, rules);
      if (!reuse) continue;
      if (reuse.kind === ReuseKind.SHARED_QUOTATION) quotations.add(`${copy.doc.id}|${original.doc.id}`);
      else copies.push({ original, copy, reuse });
    }
    if (!copies.length) continue;
    const earliest = copies.reduce((a, b) => (b.original.doc.time < a.original.doc.time ? b : a));
    const root = links.get(earliest.original.doc.id)?.original ?? earliest.original.doc.id;
    if (root !== doc.id && !links.has(doc.id)) links.set(doc.id, { original: root, reuse: earliest.reuse });
  }
  return { links, quotations };
}

// ---------------------------------------------------------------- scoring

function report(part: Part, docs: Doc[], sources: Map<string, SourceArticle>): void {
  const { links, quotations } = detectAll(docs);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const kinds: Record<string, Record<string, number>> = {};
  const missesByKeep: Record<string, number> = {};
  const falsePositives: string[] = [];
  for (const doc of docs) {
    const link = links.get(doc.id);
    if (doc.role === 'copy') {
      const expectedKind = (doc.keep as number) >= 0.8 ? 'COPY' : 'PARTIAL_COPY';
      kinds[expectedKind] ??= {};
      const got = link && link.original === doc.of ? link.reuse.kind : link ? 'WRONG_ORIGINAL' : 'NONE';
      kinds[expectedKind][got] = (kinds[expectedKind][got] ?? 0) + 1;
      if (link && link.original === doc.of) tp++;
      else {
        fn++;
        if (link) fp++;
        missesByKeep[String(doc.keep)] = (missesByKeep[String(doc.keep)] ?? 0) + 1;
        if (verbose) console.log(`  miss ${doc.id}${link ? ` (linked to ${link.original})` : ''}`);
      }
    } else if (link) {
      fp++;
      falsePositives.push(`${doc.id} → ${link.original} (${link.reuse.kind}, containment ${link.reuse.containment})`);
    }
  }
  const quotationDocs = docs.filter((d) => d.role === 'shared-quotation');
  const quotationsFound = quotationDocs.filter((d) => quotations.has(`${d.id}|${d.of}`)).length;
  if (verbose) for (const d of quotationDocs) if (!quotations.has(`${d.id}|${d.of}`)) console.log(`  quotation not recognised: ${d.id}`);

  // Re-anchoring: every copy, against its true original, with the passages its comparison gives.
  let anchorable = 0;
  let anchoredRight = 0;
  let dropped = 0;
  let anchoredDropped = 0;
  let verbatim = 0;
  for (const doc of docs.filter((d) => d.role === 'copy')) {
    const source = sources.get(doc.of) as SourceArticle;
    const originals = source.labels.map((label, i) => {
      const at = source.text.indexOf(label.exact);
      const start = codePointLength(source.text.slice(0, at));
      return { id: String(i), claimId: String(i), ...anchorAt(source.text, start, start + codePointLength(label.exact)) };
    });
    const reuse = compareTexts(shingleText(source.text), shingleText(doc.text), new Set(), rules);
    const found = copiedAppearances(originals, doc.text, new Set(), reuse?.passages ?? []);
    (doc.expected as ({ start: number; end: number } | null)[]).forEach((expected, i) => {
      const got = found.find((f) => f.fromAppearanceId === String(i));
      if (!expected) {
        dropped++;
        if (got) anchoredDropped++;
        return;
      }
      anchorable++;
      if (got && overlap(got.anchor, expected) >= 0.75) {
        anchoredRight++;
        if (got.verbatim) verbatim++;
      } else if (verbose) {
        console.log(`  anchor miss ${doc.id} label ${i}: ${got ? `got [${got.anchor.start},${got.anchor.end}) score ${got.score}` : 'not found'}`);
      }
    });
  }

  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
  const copies = docs.filter((d) => d.role === 'copy').length;
  console.log(`\n== ${part}: ${new Set(docs.map((d) => d.of)).size} source articles, ${docs.length} documents ` +
    `(${copies} copies, ${docs.filter((d) => d.role === 'same-event').length} same-event reports, ${quotationDocs.length} shared-quotation reports)`);
  console.log(`COPY/PARTIAL_COPY  precision ${pct(tp, tp + fp)} (${tp}/${tp + fp})  recall ${pct(tp, tp + fn)} (${tp}/${tp + fn})`);
  console.log(`  misses by share of body kept: ${JSON.stringify(missesByKeep)}`);
  console.log(`  kinds given (expected → got): ${JSON.stringify(kinds)}`);
  console.log(`  false positives: ${falsePositives.length ? falsePositives.join('; ') : 'none'}`);
  console.log(`SHARED_QUOTATION recognised for ${quotationsFound}/${quotationDocs.length} shared-quotation reports`);
  console.log(
    `appearances re-anchored at the right place: ${pct(anchoredRight, anchorable)} (${anchoredRight}/${anchorable}; ${verbatim} word for word)` +
      `; anchored although their paragraph was dropped: ${anchoredDropped}/${dropped}`,
  );
}

/** Intersection over union of two code point spans. */
function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

const { docs, sources } = buildSet();
console.log(`rules: ${JSON.stringify(rules)}`);
// `--part dev` while tuning: the held-out part is only looked at once the rules are settled.
const only = args.includes('--part') ? args[args.indexOf('--part') + 1] : null;
for (const part of ['dev', 'held-out'] as const) if (!only || only === part) report(part, docs.filter((d) => d.part === part), sources);
