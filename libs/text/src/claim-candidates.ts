import {
  AGENCY_ANAPHORA, ARABIC_ACCORDING_TO, ARABIC_ANAPHORA, ARABIC_ANONYMOUS, ARABIC_CONTINUATION_VERBS,
  ARABIC_REPORTING_VERBS, ARABIC_SOURCE_INTRODUCERS, DOCUMENT_HEADS, ENGLISH_ACCORDING_TO, ENGLISH_ANONYMOUS,
  ENGLISH_ANONYMOUS_SHORT, ENGLISH_REPORTING_VERBS, EVENT_WORDS, GENERIC_OUTLET, MEDIA_EVIDENCE, ORGANISATION_HEADS,
  ORGANISATION_WORDS, OUTLETS, OutletEntry, PERSON_TITLES, PLACE_WORDS, UNNAMED_OUTLETS,
} from './attribution-lexicon';
import { normalizeForSearch } from './arabic-normalize';
import { classifyBoilerplateLine } from './boilerplate-clean';
import { foldWithMap, originalSpan } from './folded-text';
import { detectLanguage } from './language-detect';
import { resolveRelativeDate, ResolvedDate } from './relative-date';
import { segmentSentences, SentenceSpan } from './sentence-segment';

/**
 * Check-worthy sentences of a news text with the chain of sources the text itself gives for
 * them: who said it first (ORIGIN) and who passed it on (RELAYED). The article's own outlet is the
 * last relay and is not listed: the caller knows it.
 */

export type SourceHopKind = 'PERSON' | 'ORGANISATION' | 'OUTLET' | 'DOCUMENT' | 'MEDIA' | 'ANONYMOUS';
export type SourceHopRelation = 'ORIGIN' | 'RELAYED';

export interface SuggestedHop {
  kind: SourceHopKind;
  relation: SourceHopRelation;
  /** A proper name as written in the text (سبوتنيك, Reuters, Sergei Lavrov). */
  name?: string;
  /** A description standing in for a name (مصدر مطلع, "officials who spoke on condition of anonymity"). */
  descriptor?: string;
  /** The outlet's usual Latin name when it is a known one (Sputnik). */
  canonicalName?: string;
}

export type ClaimReason =
  | 'ATTRIBUTION'
  | 'ANONYMOUS_SOURCE'
  | 'NUMBER'
  | 'PLACE'
  | 'ORGANISATION'
  | 'EVENT'
  | 'DATE'
  | 'QUOTATION'
  | 'MEDIA_EVIDENCE'
  | 'NAMED_ENTITY';

export interface ClaimCandidate {
  /** Code point offsets into the NFC form of the text given. */
  start: number;
  end: number;
  exact: string;
  /** Up to 32 code points before and after `exact` (W3C TextQuoteSelector). */
  prefix: string;
  suffix: string;
  score: number;
  reasons: ClaimReason[];
  /** The reporting verb or phrase found, as written, or null. */
  cue: string | null;
  suggestedChain: SuggestedHop[];
  /** Dates the sentence mentions, resolved against opts.publishedAt. */
  dates: ResolvedDate[];
  language: string;
}

export interface ClaimCandidateOptions {
  publishedAt?: string;
  language?: string;
  /** Candidates scoring below this are dropped (default 0.45). */
  minScore?: number;
}

const CONTEXT = 32;
const B = '(?<=^|[^\\p{L}\\p{N}]|(?:^|[^\\p{L}\\p{N}])(?:[وفبلك]|وب|ول|فب|فل))';
const E = '(?![\\p{L}\\p{N}])';
const alternation = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');

const AR_VERB = new RegExp(`${B}(${alternation(ARABIC_REPORTING_VERBS)})${E}`, 'gu');
const AR_ACCORDING = new RegExp(`${B}(${alternation(ARABIC_ACCORDING_TO)})${E}`, 'gu');
const EN_ACCORDING = new RegExp(`${B}(${alternation(ENGLISH_ACCORDING_TO)})${E}`, 'gu');
const GENERIC_OUTLET_NAME = new RegExp(`${B}${GENERIC_OUTLET}`, 'gu');
const EN_VERB = new RegExp(`${B}(${alternation(ENGLISH_REPORTING_VERBS)})${E}`, 'gu');
const ANONYMOUS = new RegExp(`${B}(?:${ARABIC_ANONYMOUS}|${ENGLISH_ANONYMOUS}|${ENGLISH_ANONYMOUS_SHORT})`, 'gu');
const OUTLET = new RegExp(`${B}(${alternation(OUTLETS.map((o) => o.spelling))})${E}`, 'gu');
const AGENCY_BACK_REFERENCE = new RegExp(`${B}${AGENCY_ANAPHORA}${E}`, 'gu');
const UNNAMED_OUTLET = new RegExp(`${B}${UNNAMED_OUTLETS}${E}`, 'gu');
const MEDIA = new RegExp(`${B}${MEDIA_EVIDENCE}${E}`, 'gu');
// "المتحدث باسم الحرس" names a new speaker; "المتحدث" alone points back to the last one.
const AR_ANAPHOR = new RegExp(`${B}(${alternation(ARABIC_ANAPHORA)})(?:\\s+المطلع)?${E}(?!\\s+باسم)`, 'gu');
const EN_ANAPHOR = /(?<![\p{L}])(?:he|she|they|the (?:source|sources|official|officials|spokesman|spokeswoman|spokesperson))\s+(?:also\s+)?(?:said|added|told|noted|warned|stated|claimed|continued|explained|insisted|confirmed|denied)(?![\p{L}])/gu;
const NEW_CONTEXT = /^(?:و?في سياق (?:اخر|منفصل)|من جهه اخري|in (?:a separate|another) development|separately|meanwhile)/u;
const MEDIA_VERBS = new Set(['نشر', 'نشرت', 'بث', 'بثت', 'اظهر', 'اظهرت', 'published', 'posted', 'showed']);
const AR_SUBJECT_STOPS = new Set([
  'ان', 'انه', 'انها', 'انهم', 'بان', 'بانه', 'عن', 'في', 'اليوم', 'امس', 'خلال', 'الي', 'علي', 'بحسب', 'حسب', 'مساء',
  'صباح', 'يوم', 'امام', 'عبر', 'من', 'بعد', 'قبل', 'اثناء', 'تصريحه', 'تصريحها', 'بالقول', 'ايضا', 'كذلك', 'مجددا',
  'اول', 'ذلك', 'هذا', 'وفقا', 'نقلا', 'قايلا', 'قايله', 'موكدا', 'مضيفا', 'مشيرا', 'ل', 'لل',
]);
const EN_SUBJECT_LEAD = /^(?:and|but|so|also|meanwhile|however)\s+/u;
const AR_TIME_WORDS = new Set(['الاسبوع', 'الشهر', 'العام', 'الماضي', 'الماضيه', 'الجاري', 'الحالي', 'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت', 'فجر', 'ليل', 'مسووليته', 'مسووليتها']);
const ENGLISH_MONTH_NAMES = /(?<![\p{L}])(?:January|February|March|April|June|July|August|September|October|November|December)(?![\p{L}])/u;
const ARABIC_MONTH_NAMES = /(?<![\p{L}])(?:يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|اذار|نيسان|ايار|حزيران|تموز|ايلول|تشرين)(?![\p{L}])/u;
const EN_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);

interface Hit {
  from: number;
  to: number;
  text: string;
  groups: (string | undefined)[];
}

interface AttributionThread {
  chain: SuggestedHop[];
}

/** Proposes the check-worthy sentences of `text` with scores, reasons and a suggested source chain. */
export function findClaimCandidates(text: string, opts: ClaimCandidateOptions = {}): ClaimCandidate[] {
  const nfc = text.normalize('NFC');
  const cps = Array.from(nfc);
  const articleLanguage = opts.language ?? detectLanguage(nfc);
  const minScore = opts.minScore ?? 0.45;
  const firstAgency = allHits(foldWithMap(nfc).folded, OUTLET).map((h) => outletByFolded(h.text)).find((o) => o?.agency);
  let lastAgency: { name: string; canonical?: string } | null = null;
  let thread: AttributionThread | null = null;
  const candidates: Array<ClaimCandidate & { chainRef: SuggestedHop[] }> = [];

  for (const sentence of segmentSentences(nfc)) {
    if (isHeadingOrBoilerplate(sentence, cps)) continue;
    const view = foldWithMap(sentence.text);
    const f = view.folded;
    const surface = (from: number, to: number): string => {
      const { start, end } = originalSpan(view, from, to);
      return Array.from(sentence.text).slice(start, end).join('').trim();
    };
    const quotes = quotedRanges(f);
    const outside = (h: Hit): boolean => !quotes.some(([a, b]) => h.from >= a && h.to <= b);
    if (NEW_CONTEXT.test(f.trim())) thread = null;

    const outlets = allHits(f, OUTLET).filter(outside);
    const agencyRefs = allHits(f, AGENCY_BACK_REFERENCE).filter(outside);
    const anonymous = allHits(f, ANONYMOUS).filter(outside);
    const unnamedOutlets = allHits(f, UNNAMED_OUTLET).filter(outside);
    const media = allHits(f, MEDIA).filter(outside);
    const verbs = [...allHits(f, AR_VERB), ...allHits(f, EN_VERB)].filter(outside).sort((a, b) => a.from - b.from);
    const according = [...allHits(f, AR_ACCORDING), ...allHits(f, EN_ACCORDING)].filter(outside).sort((a, b) => a.from - b.from);
    const cueHit = [...verbs, ...according].sort((a, b) => a.from - b.from)[0];
    let anaphoric = [...allHits(f, AR_ANAPHOR), ...allHits(f, EN_ANAPHOR)].filter(outside).length > 0;

    // Relays, in the order the sentence names them.
    const relays: Array<{ at: number; hop: SuggestedHop }> = [];
    for (const hit of outlets) {
      const entry = outletByFolded(hit.text);
      if (!entry) continue;
      const name = surface(hit.from, hit.to);
      relays.push({ at: hit.from, hop: { kind: 'OUTLET', relation: 'RELAYED', name, canonicalName: entry.canonical } });
    }
    for (const hit of allHits(f, GENERIC_OUTLET_NAME).filter(outside)) {
      // "وكالة الأنباء السورية (سانا)" is one outlet: the gazetteer name nearby wins.
      if (outlets.some((o) => o.from < hit.to + 6 && o.to > hit.from)) continue;
      const name = surface(hit.from, hit.to);
      relays.push({ at: hit.from, hop: { kind: 'OUTLET', relation: 'RELAYED', name } });
      if (/وكاله/u.test(hit.text)) lastAgency = { name };
    }
    for (const hit of agencyRefs) {
      const agency = lastAgency ?? (firstAgency ? { name: firstAgency.canonical, canonical: firstAgency.canonical } : null);
      const descriptor = surface(hit.from, hit.to);
      relays.push({
        at: hit.from,
        hop: agency
          ? { kind: 'OUTLET', relation: 'RELAYED', name: agency.name, ...(agency.canonical ? { canonicalName: agency.canonical } : {}), descriptor }
          : { kind: 'OUTLET', relation: 'RELAYED', descriptor },
      });
    }
    relays.sort((a, b) => a.at - b.at);

    // The origin: an unnamed source, the subject of the reporting verb, or filmed evidence.
    let origin: SuggestedHop | null = null;
    const verbWord = verbs[0]?.groups[0];
    if (anonymous.length > 0) {
      origin = { kind: 'ANONYMOUS', relation: 'ORIGIN', descriptor: surface(anonymous[0].from, anonymous[0].to) };
    } else if (verbWord && MEDIA_VERBS.has(verbWord) && media.length > 0) {
      origin = { kind: 'MEDIA', relation: 'ORIGIN', descriptor: surface(media[0].from, media[0].to) };
      for (const hit of unnamedOutlets) relays.push({ at: hit.from, hop: { kind: 'OUTLET', relation: 'RELAYED', descriptor: surface(hit.from, hit.to) } });
    } else if (verbs[0] && !anaphoric) {
      origin = explicitSubject(f, verbs[0], surface);
      const source = verbWord === 'نقل' || verbWord === 'نقلت' ? reportedFrom(f, verbs[0], surface) : null;
      if (source) {
        // "ونقلت صحيفة الوطن عن مسؤول": the paper relays, the official is the origin.
        if (origin && !relays.some((r) => sameHop(r.hop, { ...(origin as SuggestedHop), relation: 'RELAYED' }))) {
          relays.unshift({ at: verbs[0].to, hop: { ...origin, kind: 'OUTLET', relation: 'RELAYED' } });
        }
        origin = source;
      }
    }
    if (!origin && !anaphoric) {
      const introduced = according.find((h) => ARABIC_SOURCE_INTRODUCERS.has(h.groups[0] ?? '') || ENGLISH_ACCORDING_TO.includes(h.groups[0] ?? ''));
      const phrase = introduced ? phraseAfter(f, introduced.to) : null;
      if (phrase && !OUTLETS.some((o) => phrase.text.includes(o.spelling)) && !new RegExp(`^${GENERIC_OUTLET}`, 'u').test(phrase.text)) {
        if (new RegExp(`^(?:${alternation(ARABIC_ANAPHORA)})(?![\\p{L}])`, 'u').test(phrase.text)) anaphoric = true;
        else origin = classifySubject(phrase.text, surface(phrase.from, phrase.to), /\p{Script=Arabic}/u.test(phrase.text), '');
      }
    }
    // "وأوضح المكتب" / "the ministry said" after "مكتب الأمم المتحدة …" / "the Health Ministry": the same speaker.
    if (origin && thread && pointsBack(origin, thread.chain[0])) {
      origin = null;
      anaphoric = true;
    }

    let chain: SuggestedHop[] = [];
    const relayHops = relays.map((r) => r.hop);
    if (origin && origin.kind === 'OUTLET') {
      // "Reuters reported …": the outlet is its own origin unless it relays someone.
      const same = relayHops.filter((h) => sameHop(h, origin as SuggestedHop));
      const longest = same.map((h) => h.name).filter((n): n is string => !!n).sort((a, b) => b.length - a.length)[0];
      if (longest && origin.name && longest.length > origin.name.length) origin = { ...origin, name: longest };
      const rest = relayHops.filter((h) => !sameHop(h, origin as SuggestedHop));
      thread = { chain: [origin, ...rest] };
      chain = thread.chain;
    } else if (origin) {
      thread = { chain: [origin, ...relayHops] };
      chain = thread.chain;
    } else if (thread && cueHit && (anaphoric || isContinuationVerb(verbs[0]) || according.length > 0 || relayHops.length > 0)) {
      for (const hop of relayHops) if (!thread.chain.some((h) => sameHop(h, hop))) thread.chain.push(hop);
      chain = thread.chain;
    } else if (cueHit && relayHops.length > 0) {
      const [first, ...rest] = relayHops;
      thread = { chain: [{ ...first, relation: 'ORIGIN' }, ...rest] };
      chain = thread.chain;
    }

    for (const hit of outlets) {
      const entry = outletByFolded(hit.text);
      if (entry?.agency) lastAgency = { name: surface(hit.from, hit.to), canonical: entry.canonical };
    }

    const dates = opts.publishedAt ? resolveRelativeDate(sentence.text, opts.publishedAt) : [];
    const reasons = reasonsFor(f, sentence.text, { cue: !!cueHit, anonymous: origin?.kind === 'ANONYMOUS' || chain[0]?.kind === 'ANONYMOUS', dates, media: media.length > 0 });
    const score = scoreOf(reasons, f);
    if (score < minScore) continue;
    candidates.push({
      start: sentence.start,
      end: sentence.end,
      exact: sentence.text,
      prefix: cps.slice(Math.max(0, sentence.start - CONTEXT), sentence.start).join(''),
      suffix: cps.slice(sentence.end, sentence.end + CONTEXT).join(''),
      score,
      reasons,
      cue: cueHit ? surface(cueHit.from, cueHit.to) : null,
      suggestedChain: chain,
      chainRef: chain,
      dates: dates.map((d) => ({ ...d, start: d.start + sentence.start, end: d.end + sentence.start })),
      language: detectSentenceLanguage(sentence.text, articleLanguage),
    });
  }
  // Threads grow as later sentences name the relay; copy them only now so earlier ones see it.
  return candidates.map(({ chainRef, ...candidate }) => ({ ...candidate, suggestedChain: chainRef.map((h) => ({ ...h })) }));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function allHits(folded: string, pattern: RegExp): Hit[] {
  const hits: Hit[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    hits.push({ from: m.index, to: m.index + m[0].length, text: m[0], groups: m.slice(1) });
  }
  return hits;
}

function outletByFolded(text: string): OutletEntry | undefined {
  return OUTLETS.find((o) => o.spelling === text);
}

function sameHop(a: SuggestedHop, b: SuggestedHop): boolean {
  if (a.kind !== b.kind) return false;
  if (a.canonicalName || b.canonicalName) return a.canonicalName === b.canonicalName;
  const x = normalizeForSearch(a.name ?? a.descriptor ?? '');
  const y = normalizeForSearch(b.name ?? b.descriptor ?? '');
  // "الوكالة الوطنية" cut short by the subject rules and "الوكالة الوطنية للإعلام" are one outlet.
  return x === y || (a.kind === 'OUTLET' && x !== '' && y !== '' && (x.startsWith(y) || y.startsWith(x)));
}

function isContinuationVerb(hit: Hit | undefined): boolean {
  return !!hit && ARABIC_CONTINUATION_VERBS.has(hit.groups[0] ?? '');
}

/** Quoted stretches of a folded sentence, so that names inside a quotation are not taken for sources. */
function quotedRanges(folded: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const pattern = /“[^“”]*”|«[^«»]*»|"[^"]*"/gu;
  for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

function isHeadingOrBoilerplate(sentence: SentenceSpan, cps: string[]): boolean {
  if (classifyBoilerplateLine(sentence.text)) return true;
  const lineStart = sentence.start === 0 || cps[sentence.start - 1] === '\n';
  const lineEnd = sentence.end === cps.length || cps[sentence.end] === '\n';
  const words = sentence.text.split(/\s+/u).length;
  // A whole line without closing punctuation is a headline or a caption, not a reported statement.
  return lineStart && lineEnd && words <= 20 && !/[.!?؟؛…:”"»)]$/u.test(sentence.text);
}

/** The named subject of a reporting verb: after it in Arabic (قال الوزير), before it in English. */
function explicitSubject(f: string, verb: Hit, surface: (from: number, to: number) => string): SuggestedHop | null {
  const arabic = /\p{Script=Arabic}/u.test(verb.text);
  let from: number;
  let to: number;
  let anonymity = false;
  if (arabic) {
    // "وكانت فصائل مسلحة قد أعلنت": the subject sits between كان and قد, before the verb.
    const before = /(?:^|\s)و?(?:كان|كانت)\s+([\p{L}\s]+?)\s+قد\s*$/u.exec(f.slice(0, verb.from));
    if (before) {
      from = verb.from - before[0].length + before[0].indexOf(before[1]);
      to = from + before[1].length;
    } else {
      const kept: Array<{ from: number; to: number; word: string }> = [];
      for (const token of tokensFrom(f, verb.to, 6)) {
        if (AR_SUBJECT_STOPS.has(token.word) || AR_TIME_WORDS.has(token.word) || token.word.startsWith('لل') || token.punctuationBefore) break;
        kept.push(token);
      }
      if (kept.length === 0) return null;
      from = kept[0].from;
      to = kept[kept.length - 1].to;
      // "وكالة الأنباء السورية (سانا)": keep the abbreviation with the name.
      const abbreviation = /^\s*\([^()]{1,30}\)/u.exec(f.slice(to));
      if (abbreviation) to += abbreviation[0].length;
      // "المتحدث باسم الحرس، حسام الدين الجبابلي، أن": a title, then the person's name between commas.
      const appositive = /^\s*،\s*((?:[\p{L}]+\s+){0,3}[\p{L}]+)\s*،\s*(?:ان|انه|انها|بان)(?![\p{L}])/u.exec(f.slice(to));
      if (appositive && PERSON_TITLES.includes(kept[0].word.replace(/^[وفبل](?=\p{L}{3,})/u, ''))) {
        to += appositive[0].indexOf(appositive[1]) + appositive[1].length;
      }
    }
  } else {
    const before = f.slice(0, verb.from);
    if (/[”"]\s*$|[,]\s*[”"]\s*$/u.test(before)) return invertedSubject(f, verb, surface);
    // Clauses of the sentence before the verb, split at commas and at a dateline's dash.
    const clauses: Array<{ from: number; to: number }> = [];
    let clauseStart = 0;
    for (const m of before.matchAll(/,|;|:|\s[-–—]\s|\)\s/gu)) {
      clauses.push({ from: clauseStart, to: m.index });
      clauseStart = m.index + m[0].length;
    }
    clauses.push({ from: clauseStart, to: before.length });
    let chosen = clauses[clauses.length - 1];
    const last = before.slice(chosen.from, chosen.to).trim();
    if ((last === '' || /^(?:speaking|who|which)\b/u.test(last)) && clauses.length > 1) {
      // "COGAT, the Israeli military body that coordinates aid, said" and "An official, speaking on
      // condition of anonymity, told …": the head of the sentence speaks.
      anonymity = /anonymity|not authori[sz]ed|not to be named|declined to be identified/u.test(before.slice(clauses[1].from));
      chosen = clauses[0];
    }
    let clause = before.slice(chosen.from, chosen.to);
    const lead = EN_SUBJECT_LEAD.exec(clause.trimStart());
    const leadLength = clause.length - clause.trimStart().length + (lead ? lead[0].length : 0);
    clause = clause.slice(leadLength).trimEnd();
    if (!clause || clause.split(/\s+/u).length > 8) return before.trim() === '' ? invertedSubject(f, verb, surface) : null;
    from = chosen.from + leadLength;
    to = from + clause.length;
    if (EN_PRONOUNS.has(f.slice(from, to).trim())) return null;
  }
  const text = surface(from, to);
  if (!text) return null;
  return classifySubject(f.slice(from, to), text, arabic, anonymity ? 'ANONYMOUS' : '');
}

function invertedSubject(f: string, verb: Hit, surface: (from: number, to: number) => string): SuggestedHop | null {
  // “…,” said John Smith, the mayor.
  const after = /^\s+([^,.;:“”"]{2,60})/u.exec(f.slice(verb.to));
  if (!after) return null;
  const from = verb.to + after[0].length - after[1].length;
  const to = from + after[1].trimEnd().length;
  if (EN_PRONOUNS.has(f.slice(from, to).trim())) return null;
  return classifySubject(f.slice(from, to), surface(from, to), false, '');
}

/** What kind of source a subject phrase names: an outlet, a document, a titled person, an organisation. */
function classifySubject(folded: string, text: string, arabic: boolean, forced: '' | 'ANONYMOUS'): SuggestedHop {
  if (forced === 'ANONYMOUS') return { kind: 'ANONYMOUS', relation: 'ORIGIN', descriptor: text };
  const raw = folded.split(/\s+/u).filter(Boolean);
  // A word may carry a one-letter prefix (وزارة / لوزارة) or begin with that letter (فصائل): try both.
  const words = raw.map((w) => (PREFIXABLE.has(w.replace(/^[وفبل](?=\p{L}{3,})/u, '')) ? w.replace(/^[وفبل](?=\p{L}{3,})/u, '') : w));
  const head = words[0] === 'the' || words[0] === 'a' || words[0] === 'an' ? words.slice(1) : words;
  const outlet = OUTLETS.find((o) => new RegExp(`(?<![\\p{L}])${escapeRegExp(o.spelling)}(?![\\p{L}])`, 'u').test(folded));
  if (outlet) return { kind: 'OUTLET', relation: 'ORIGIN', name: text, canonicalName: outlet.canonical };
  if (new RegExp(`^(?:${UNNAMED_OUTLETS}|${GENERIC_OUTLET})`, 'u').test(folded)) {
    return /^(?:وكالات|وسائل|مواقع|local|state|news|media)/u.test(folded)
      ? { kind: 'OUTLET', relation: 'ORIGIN', descriptor: text }
      : { kind: 'OUTLET', relation: 'ORIGIN', name: text };
  }
  // "بيان الوزارة", "a U.S. Central Command statement": a document, whichever end names it.
  if (DOCUMENT_HEADS.includes(head[0] ?? '') || (!arabic && DOCUMENT_HEADS.includes(head[head.length - 1] ?? ''))) {
    return { kind: 'DOCUMENT', relation: 'ORIGIN', descriptor: text };
  }
  if (PERSON_TITLES.includes(head[0] ?? '') || PERSON_TITLES.includes((head[0] ?? '').replace(/^ال/u, ''))) return { kind: 'PERSON', relation: 'ORIGIN', name: text };
  if (words.some((w) => ORGANISATION_HEADS.includes(w.replace(/'s$/u, '')))) return { kind: 'ORGANISATION', relation: 'ORIGIN', name: text };
  if (arabic && words[0]?.startsWith('ال')) return { kind: 'ORGANISATION', relation: 'ORIGIN', name: text };
  // An acronym (COGAT, OCHA, UNRWA) names a body, not a person.
  if (/^\p{Lu}{3,}$/u.test(text.trim())) return { kind: 'ORGANISATION', relation: 'ORIGIN', name: text };
  return { kind: 'PERSON', relation: 'ORIGIN', name: text };
}

/** "نقلت صحيفة الوطن عن مسؤول في المحافظة قوله": the source after عن. */
function reportedFrom(f: string, verb: Hit, surface: (from: number, to: number) => string): SuggestedHop | null {
  const m = /^[^،,.:؛]{0,60}?\sعن\s+/u.exec(f.slice(verb.to));
  if (!m) return null;
  const phrase = phraseAfter(f, verb.to + m[0].length);
  if (!phrase) return null;
  const anonymous = new RegExp(`^(?:${ARABIC_ANONYMOUS})`, 'u').test(phrase.text);
  const hop = classifySubject(phrase.text, surface(phrase.from, phrase.to), true, anonymous ? 'ANONYMOUS' : '');
  return hop.kind === 'PERSON' && /^(?:مسوول|مسوولين|مسوولون)(?![\p{L}])/u.test(phrase.text) ? { kind: 'ANONYMOUS', relation: 'ORIGIN', descriptor: hop.name } : hop;
}

/** The noun phrase after an introducer (بحسب …, according to …), up to punctuation or a clause word. */
function phraseAfter(f: string, at: number): { from: number; to: number; text: string } | null {
  const kept: Array<{ from: number; to: number }> = [];
  for (const token of tokensFrom(f, at, 8)) {
    if (token.punctuationBefore && kept.length > 0) break;
    if (kept.length > 0 && (AR_SUBJECT_STOPS.has(token.word) && token.word !== 'في' && token.word !== 'من' || /^(?:that|said|says|on|in|at|as|which|who)$/u.test(token.word) || token.word === 'قوله')) break;
    if (kept.length === 0 && token.punctuationBefore && token.from - at > 2) break;
    kept.push(token);
  }
  if (kept.length === 0) return null;
  const from = kept[0].from;
  const to = kept[kept.length - 1].to;
  return { from, to, text: f.slice(from, to) };
}

/** A definite subject that repeats the head noun of the thread's origin ("المكتب" after "مكتب الأمم المتحدة"). */
function pointsBack(origin: SuggestedHop, threadOrigin: SuggestedHop | undefined): boolean {
  if (!threadOrigin || origin.kind === 'ANONYMOUS') return false;
  const subject = (origin.name ?? origin.descriptor ?? '').toLowerCase();
  const words = normalizeForSearch(subject).split(' ');
  const head = words.length === 1 && words[0].startsWith('ال') ? words[0].slice(2) : words.length === 2 && words[0] === 'the' ? words[1] : null;
  if (!head || head.length < 3) return false;
  const previous = normalizeForSearch(threadOrigin.name ?? threadOrigin.descriptor ?? '');
  return previous.split(' ').some((w) => w === head || w === `ال${head}` || w.replace(/^ال/u, '') === head);
}

function tokensFrom(f: string, at: number, max: number): Array<{ from: number; to: number; word: string; punctuationBefore: boolean }> {
  const tokens: Array<{ from: number; to: number; word: string; punctuationBefore: boolean }> = [];
  const pattern = /[\p{L}\p{N}]+/gu;
  pattern.lastIndex = at;
  let previousEnd = at;
  for (let m = pattern.exec(f); m && tokens.length < max; m = pattern.exec(f)) {
    const gap = f.slice(previousEnd, m.index);
    // The full stops of an initialism (u.s., u.n.) do not end a phrase.
    const initialism = /^\.\s?$/u.test(gap) && tokens.length > 0 && tokens[tokens.length - 1].word.length === 1 && /^[a-z]$/u.test(tokens[tokens.length - 1].word);
    tokens.push({ from: m.index, to: m.index + m[0].length, word: m[0], punctuationBefore: /[^\s]/u.test(gap) && !initialism });
    previousEnd = m.index + m[0].length;
  }
  return tokens;
}

function hasWord(f: string, words: readonly string[]): boolean {
  const tokens = f.match(/[\p{L}\p{N}]+/gu) ?? [];
  const set = new Set(words);
  // Try the word bare of a conjunction/preposition and of the article: الغارات → غارات, وبالقصف → قصف.
  const bare = (t: string): string[] => {
    const noPrefix = t.replace(/^(?:[وفبلك]|وب|ول|فب|فل)(?=\p{L}{3,})/u, '');
    return [t, noPrefix, noPrefix.replace(/^(?:ال|ل)(?=\p{L}{3,})/u, '')];
  };
  return tokens.some((t) => bare(t).some((form) => set.has(form))) ||
    words.some((w) => w.includes(' ') && f.includes(w));
}

function reasonsFor(f: string, original: string, found: { cue: boolean; anonymous: boolean; dates: ResolvedDate[]; media: boolean }): ClaimReason[] {
  const reasons: ClaimReason[] = [];
  if (found.cue) reasons.push('ATTRIBUTION');
  if (found.anonymous) reasons.push('ANONYMOUS_SOURCE');
  if (/\p{N}/u.test(f) || /(?<![\p{L}])(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|millions|اثنين|اثنان|ثلاثه|اربعه|خمسه|عشرات|مييات|الاف|ملايين|مسوولتين|سيارتي)(?![\p{L}])/u.test(f)) reasons.push('NUMBER');
  if (hasWord(f, PLACE_WORDS)) reasons.push('PLACE');
  if (hasWord(f, ORGANISATION_WORDS)) reasons.push('ORGANISATION');
  if (hasWord(f, EVENT_WORDS)) reasons.push('EVENT');
  if (found.dates.length > 0 || /\b(?:19|20)\d{2}\b/u.test(f) || ENGLISH_MONTH_NAMES.test(original) || ARABIC_MONTH_NAMES.test(f)) reasons.push('DATE');
  if (/[“«"]/u.test(f)) reasons.push('QUOTATION');
  if (found.media) reasons.push('MEDIA_EVIDENCE');
  if (hasLatinProperNoun(original)) reasons.push('NAMED_ENTITY');
  return reasons;
}

const WEIGHTS: Record<ClaimReason, number> = {
  ATTRIBUTION: 0.3, ANONYMOUS_SOURCE: 0.05, NUMBER: 0.15, PLACE: 0.15, ORGANISATION: 0.15, EVENT: 0.15, DATE: 0.1,
  QUOTATION: 0.05, MEDIA_EVIDENCE: 0.1, NAMED_ENTITY: 0.1,
};

const PREFIXABLE = new Set([...DOCUMENT_HEADS, ...PERSON_TITLES, ...ORGANISATION_HEADS]);

const NOT_NAMES = new Set(['I', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);

/** A capitalised Latin word that does not open the sentence or a quotation: a name, in English copy. */
function hasLatinProperNoun(sentence: string): boolean {
  for (const m of sentence.matchAll(/(?<=[\p{L}\p{N},;]\s+)\p{Lu}[\p{L}'.-]*/gu)) {
    if (!NOT_NAMES.has(m[0].replace(/[.'-]+$/u, ''))) return true;
  }
  return false;
}

function scoreOf(reasons: ClaimReason[], f: string): number {
  let score = 0.1 + reasons.reduce((sum, r) => sum + WEIGHTS[r], 0);
  if (/[?؟]\s*[”"»]?$/u.test(f.trim())) score -= 0.3;
  if (f.split(/\s+/u).length < 6) score -= 0.2;
  return Math.round(Math.max(0, Math.min(1, score)) * 100) / 100;
}

function detectSentenceLanguage(sentence: string, articleLanguage: string): string {
  const detected = detectLanguage(sentence);
  return detected === 'und' ? articleLanguage : detected;
}
