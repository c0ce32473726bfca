/**
 * Who does what to whom: the roles a claim gives its actors for an act that has a doer and a
 * target (accusing, attacking, sanctioning, threatening, condemning). "Israel accuses Hezbollah of
 * X" and "Hezbollah accuses Israel of X" share every word and state opposite claims; "Hezbollah was
 * accused by Israel of X" states the first one again. Pure functions over search keys (lower case,
 * Arabic folded: ة → ه, ئ → ي, أ → ا; Russian й → и), in Arabic, English and Russian, read with
 * word order, the passive, and the words and case endings that mark a doer or a target.
 */
import { actorsIn, arabicForms, englishForms, isArabic, isCyrillic } from './claim-predicates';
import { perObject, remembered } from './remembered';

/** Known places and countries a search key names, by their English names (CrossLanguageLexicon.placesIn). */
export type PlacesIn = (key: string) => ReadonlySet<string>;

/** The doers and targets a text gives one kind of act. */
export interface ActRoles {
  act: string;
  agents: string[];
  patients: string[];
}

// Acts with a doer and a target. English and Arabic words are matched under the forms the tables
// of claim-predicates.ts try (without -s, -ed, -ing; without clitics, the article and the verb's
// person prefix); Russian words by their beginning.
const ACTS: Record<string, { en: string[]; ar: string[]; ru: string[] }> = {
  accuse: {
    en: ['accuse', 'accusation', 'blame'],
    ar: ['اتهم', 'تهم', 'اتهام', 'اتهامات', 'متهم', 'متهمه', 'متهمون', 'متهمين'],
    ru: ['обвин'],
  },
  attack: {
    en: ['attack', 'strike', 'struck', 'shell', 'bomb', 'bombard', 'invade'],
    ar: ['هاجم', 'هجوم', 'هجمات', 'قصف', 'استهدف', 'ستهدف', 'غاره', 'غارات', 'اجتاح', 'جتاح'],
    ru: ['атак', 'удар', 'обстрел', 'обстрелял', 'напал', 'нападени', 'бомбардир', 'вторг'],
  },
  sanction: { en: ['sanction'], ar: ['عقوبات', 'عقوبه'], ru: ['санкци'] },
  threaten: {
    en: ['threaten', 'threat', 'warn'],
    ar: ['هدد', 'تهديد', 'تهديدات', 'حذر', 'تحذير'],
    ru: ['угрож', 'пригроз', 'предупред'],
  },
  condemn: { en: ['condemn', 'denounce'], ar: ['دان', 'ادان', 'يدين', 'تدين', 'ادانه', 'استنكر', 'ستنكر'], ru: ['осуд', 'осужд'] },
};

// Words after which a name is the doer: "by X", "من قبل X", "со стороны X".
const AGENT_AFTER = new Set(['by', 'قبل', 'جانب', 'يد']);
const AGENT_AFTER_PAIRS = new Set(['من قبل', 'من جانب', 'على يد', 'со стороны']);
// Words after which a name is the target: "sanctions on X", "ضد X", "удар по X".
const PATIENT_AFTER = new Set(['on', 'against', 'upon', 'ضد', 'على', 'по', 'против', 'на']);
// Words after which a name is where it happened, neither doer nor target.
const PLACE_AFTER = new Set(['in', 'near', 'at', 'off', 'outside', 'inside', 'across', 'في', 'قرب', 'بالقرب', 'قباله', 'داخل', 'в', 'во', 'у', 'под', 'около', 'близ', 'возле']);
// Directions: a name after one is where it happened ("northern Iraq", "شمال العراق", "на севере Ирака").
const DIRECTIONS = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'northeast', 'northwest', 'southeast', 'southwest',
  'شمال', 'جنوب', 'شرق', 'غرب', 'شمالي', 'جنوبي', 'شرقي', 'غربي', 'بشمال', 'بجنوب', 'بشرق', 'بغرب',
  'севере', 'юге', 'востоке', 'западе', 'северо-западе', 'северо-востоке', 'юго-западе', 'юго-востоке',
]);
const WITH = new Set(['with', 'مع', 'с', 'со']);
// Arabic nouns of an act, which name their doer after them (اتهام روسيا لاوكرانيا).
const ARABIC_NOUNS = new Set(['اتهام', 'اتهامات', 'هجوم', 'هجمات', 'قصف', 'غاره', 'غارات', 'عقوبات', 'عقوبه', 'تهديد', 'تهديدات', 'تحذير', 'ادانه']);
const ENGLISH_PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'get', 'got', 'gets']);
// How far after the act a name may stand and still take a role ("accused Hezbollah", "اتهامات
// اسراييليه لحزب الله"), and how far a target's mark (on, ضد, ل-, по) may stand from it.
const WINDOW = 6;
const PATIENT_REACH = 3;

/** True when `word` is one of the table's words: a Russian beginning, an Arabic form without clitics (arabicForms), an English form (englishForms). */
function inTable(word: string, words: { en: readonly string[]; ar: readonly string[]; ru: readonly string[] }): boolean {
  if (isCyrillic(word)) return words.ru.some((stem) => word.startsWith(stem));
  return isArabic(word) ? arabicForms(word).some((f) => words.ar.includes(f)) : englishForms(word).some((f) => words.en.includes(f));
}

/** The act a word names, if any. */
function actOf(word: string): string | null {
  for (const [act, words] of Object.entries(ACTS)) if (inTable(word, words)) return act;
  return null;
}

/** True when the act's word is a passive form: "accused by", "was attacked", "متهم", "обвинена", "атакован". */
function passiveAt(words: string[], i: number): boolean {
  const word = words[i];
  if (isCyrillic(word)) return /(?:ен|ена|ено|ены|ан|ана|ано|аны|ян|яна|яно|яны)$/u.test(word);
  if (isArabic(word)) return word.startsWith('متهم');
  if (!/(?:ed|struck)$/.test(word)) return false;
  return ENGLISH_PASSIVE_AUX.has(words[i - 1] ?? '') || ENGLISH_PASSIVE_AUX.has(words[i - 2] ?? '') || words.slice(i + 1, i + 3).includes('by');
}

type Mark = 'agent' | 'patient' | 'place' | null;

interface Mention {
  start: number;
  end: number;
  names: string[];
  mark: Mark;
}

/** What the words before a name (and, in Arabic, its prefix; in Russian, its case ending) say of its role. */
function markOf(words: string[], start: number, word: string): Mark {
  const before = words[start - 1] ?? '';
  const pair = `${words[start - 2] ?? ''} ${before}`;
  if (AGENT_AFTER_PAIRS.has(pair) || (AGENT_AFTER.has(before) && !isArabic(before))) return 'agent';
  if (PLACE_AFTER.has(before) || DIRECTIONS.has(before)) return 'place';
  if (PATIENT_AFTER.has(before)) return 'patient';
  if (isArabic(word) && /^ل(?!ل)/u.test(word) && !word.startsWith('لبنان')) return 'patient';
  if (isArabic(word) && /^ب/u.test(word) && !/^ب(?:ريطاني|غداد|يروت|لجيك|ولند|لغاري|اكستان|نغلاد)/u.test(word)) return 'place';
  // The Russian accusative of a feminine name (Украину, Хезболлу, Сирию): the target.
  if (isCyrillic(word) && /[^аеоуыэюя][ую]$/u.test(word)) return 'patient';
  return null;
}

/**
 * Actors and places a phrase names: its own, and those of its bare form (an Arabic name may carry
 * ل or ب, which neither table strips before a bare name; a Russian feminine name in the
 * instrumental, россией, is not among the endings the place names are looked up without).
 */
function namesIn(phrase: string, placesIn: PlacesIn | undefined): Set<string> {
  const forms = [phrase];
  if (isArabic(phrase)) forms.push(phrase.replace(/^[لب](?=\p{L}{3})(?!ال)/u, ''));
  if (isCyrillic(phrase) && /[ео]и$/u.test(phrase)) forms.push(`${phrase.slice(0, -2)}я`, `${phrase.slice(0, -2)}а`);
  return new Set([...new Set(forms)].flatMap((form) => [...actorsIn(form), ...(placesIn?.(form) ?? [])]));
}

/**
 * The actor or place named from word i on, in the fewest words: one word, or a phrase of two or
 * three ("حزب الله", "united states") that names something neither one of its words alone nor the
 * phrase without its first word names.
 */
function mentionAt(words: string[], i: number, placesIn: PlacesIn | undefined): Mention | null {
  for (let n = 1; n <= Math.min(3, words.length - i); n++) {
    const names = namesIn(words.slice(i, i + n).join(' '), placesIn);
    // (Most phrases name nothing: their parts are read only when one does.)
    if (n > 1 && names.size) {
      const parts = [...words.slice(i, i + n), words.slice(i + 1, i + n).join(' ')];
      for (const part of parts) for (const name of namesIn(part, placesIn)) names.delete(name);
    }
    if (names.size) return { start: i, end: i + n, names: [...names].sort(), mark: markOf(words, i, words[i]) };
  }
  return null;
}

function mentionsIn(words: string[], placesIn: PlacesIn | undefined): Mention[] {
  const mentions: Mention[] = [];
  for (let i = 0; i < words.length; ) {
    const mention = mentionAt(words, i, placesIn);
    if (mention) {
      mentions.push(mention);
      i = mention.end;
    } else i++;
  }
  return mentions;
}

/**
 * The doers and targets of the first word of each act: a name the words mark (by, من قبل, со
 * стороны; on, ضد, по, ل-, a Russian accusative) takes that role; otherwise, in the active, the
 * nearest name before the act is its doer and the first after it its target (in Arabic, with no
 * name before the verb, the first after it is the doer and the next the target: اتهمت روسيا
 * اوكرانيا); in the passive the name before is the target. Names of places (in X, في X) take none.
 */
function rolesOf(key: string, placesIn: PlacesIn | undefined): ActRoles | null {
  const words = key.split(' ').filter(Boolean);
  // Only the first act: the ones after it are what the doer says of the target ("accuses Armenia
  // of shelling"), whose doer a headline leaves to the reader.
  const i = words.findIndex((word) => word.length > 2 && actOf(word) !== null);
  if (i < 0) return null;
  const act = actOf(words[i]) as string;
  const mentions = mentionsIn(words, placesIn);
  const passive = passiveAt(words, i);
  const agents = new Set<string>();
  const patients = new Set<string>();
  const before = mentions.filter((m) => m.end <= i && m.mark !== 'place');
  const after = mentions.filter((m) => m.start > i && m.start <= i + WINDOW && m.mark !== 'place');
  for (const m of [...before, ...after]) {
    if (m.mark === 'agent') m.names.forEach((n) => agents.add(n));
    // A target's mark counts next to the act ("attack on X", "عقوبات على X", "удар по X"); further
    // on it marks the target of what the doer says ("warned Israel that any attack on Lebanon").
    if (m.mark === 'patient' && (m.end <= i || m.start - i <= PATIENT_REACH)) m.names.forEach((n) => patients.add(n));
  }
  // "Iran hit with US sanctions": a name before "with" is not the act's doer.
  const nearestBefore = before.filter((m) => m.mark === null && !words.slice(m.end, i).some((w) => WITH.has(w))).pop();
  const beforeRole = passive ? patients : agents;
  if (nearestBefore && !beforeRole.size) nearestBefore.names.forEach((n) => beforeRole.add(n));
  const [first, second] = after.filter((m) => m.mark === null);
  if (first) {
    // After the act: its doer in the passive ("обвинена Россией"), in an Arabic sentence that
    // begins with the verb or its noun (VSO: اتهمت روسيا اوكرانيا; اتهامات اسراييليه لحزب الله), and
    // in a Russian one that names no doer before it (OVS: Украину обвинила Россия).
    // (A verb in the imperfect, تتهم, or a Russian verb after a name neither table knows, follows
    // its subject: "نصرالله يحذر اسراييل", "Насралла предупредил Израиль".)
    const unmarkedBefore = before.some((m) => m.mark === null);
    const verbFirst =
      isArabic(words[i]) && !unmarkedBefore && ((i === 0 && !/^[وف]?[يتن]/u.test(words[i])) || arabicForms(words[i]).some((f) => ARABIC_NOUNS.has(f)));
    const objectFirst = isCyrillic(words[i]) && !unmarkedBefore && before.some((m) => m.mark === 'patient');
    const doerFirst = !agents.size && (passive || verbFirst || objectFirst);
    first.names.forEach((n) => (doerFirst ? agents : patients).add(n));
    if (second && doerFirst && !patients.size) second.names.forEach((n) => patients.add(n));
  }
  for (const n of [...agents].filter((name) => patients.has(name))) {
    agents.delete(n);
    patients.delete(n);
  }
  return agents.size || patients.size ? { act, agents: [...agents], patients: [...patients] } : null;
}

/** f remembered by key (see remembered), apart for each reader of places: its results depend on it. */
export function rememberedWithPlaces<T>(f: (key: string, placesIn: PlacesIn | undefined) => T): (key: string, placesIn?: PlacesIn) => T {
  const byPlaces = perObject((placesIn: PlacesIn) => remembered((key: string) => f(key, placesIn)));
  const withoutPlaces = remembered((key: string) => f(key, undefined));
  return (key, placesIn) => (placesIn ? byPlaces(placesIn)(key) : withoutPlaces(key));
}

/** The roles a search key gives its actors for the first act it names (remembered: a claim text is read against many queries). */
export const rolesIn: (key: string, placesIn?: PlacesIn) => ActRoles | null = rememberedWithPlaces(rolesOf);

/** The first act a search key names, if any (a cheap test before names are read). */
const firstActIn = remembered((key: string): string => {
  for (const word of key.split(' ')) {
    const act = word.length > 2 ? actOf(word) : null;
    if (act) return act;
  }
  return '';
});

/**
 * The same act with the roles exchanged: a name that does it in one text and has it done to it in
 * the other ("Israel accuses Hezbollah" against "Hezbollah accuses Israel", or "Israel was accused
 * by Hezbollah"), while the other role, where both texts fill it, holds the same name: "doer →
 * target" as each text gives them, the query's first. Null when no name changes role (the same
 * roles in other words, the active for the passive, or too little to tell) or when the texts are
 * about other partners ("Hamas accuses Israel" against "Israel accuses Hezbollah").
 */
export function swappedRoles(queryKey: string, candidateKey: string, placesIn?: PlacesIn): [string, string] | null {
  const act = firstActIn(queryKey);
  if (!act || act !== firstActIn(candidateKey)) return null;
  // The query's side first: the candidate's is read only when the query's could make a swap.
  const q = rolesIn(queryKey, placesIn);
  const c = q && rolesIn(candidateKey, placesIn);
  if (!q || !c) return null;
  const meets = (a: string[], b: string[]) => a.some((n) => b.includes(n));
  const apart = (a: string[], b: string[]) => a.length > 0 && b.length > 0 && !meets(a, b);
  const swapped = meets(q.agents, c.patients) || meets(q.patients, c.agents);
  if (!swapped || apart(q.agents, c.patients) || apart(q.patients, c.agents)) return null;
  return [described(q), described(c)];
}

function described(roles: ActRoles): string {
  return `${roles.agents.join(', ') || '?'} → ${roles.patients.join(', ') || '?'}`;
}

// Verbs that attribute what follows to a speaker ("X said", "قال X", "X заявил"): English base and
// irregular forms (englishForms tries -s, -ed off), Arabic stems (arabicForms), Russian beginnings.
const SAYING = {
  en: ['say', 'said', 'claim', 'state', 'announce', 'allege'],
  ar: ['قال', 'قول', 'اعلن', 'علن', 'اكد', 'كد', 'زعم', 'ذكر', 'افاد', 'فاد', 'صرح'],
  ru: ['заяв', 'сообщ', 'утвержда', 'объяв'],
};
// How far from its verb a speaker may stand ("Iraq's oil ministry said": three words).
const SPEAKER_REACH = 3;

/** True when a word is a verb of saying ("said", قال, заявил); remembered per word (every word of a text before its first such verb is read). */
export const saysAt: (word: string) => boolean = remembered((word) => word.length >= 2 && inTable(word, SAYING));

// Nouns that head a speaker's name in a headline ("وزارة النفط العراقية: حكومة إقليم كردستان...").
const SPEAKER_HEADS = new Set(['وزاره', 'وزير', 'حكومه', 'رئيس', 'رياسه', 'جيش', 'الجيش', 'قوات', 'مجلس', 'حركه', 'حزب', 'اقليم', 'سلطات', 'السلطات', 'الخارجيه', 'الدفاع']);

/**
 * The speaker of an Arabic headline that puts it first, before a colon ("حزب الله: إسرائيل خرقت
 * الهدنة"), which the search key no longer holds: the text opens (within SPEAKER_REACH words) with
 * a name followed at once by another one, or by the head of another one (وزارة, حكومة...). (Not in
 * English or Russian, whose headlines list names with commas: "Russia, Iran sign a treaty".)
 */
function headlineSpeaker(words: string[], placesIn: PlacesIn | undefined): string[] {
  if (!isArabic(words[0] ?? '')) return [];
  for (let i = 0; i < Math.min(SPEAKER_REACH, words.length); i++) {
    const first = mentionAt(words, i, placesIn);
    if (!first) continue;
    for (let gap = 0; gap <= 2; gap++) {
      if (gap > 0 && !SPEAKER_HEADS.has(words[first.end])) break;
      if (first.end + gap < words.length && mentionAt(words, first.end + gap, placesIn)) return first.names;
    }
    return [];
  }
  return [];
}

/**
 * Who a text says is speaking: the actors or places named nearest before its first verb of saying
 * (within SPEAKER_REACH words, an English possessive's "s" not counted; for Arabic, which puts the
 * verb first, after it first), by their one name; without a verb of saying, an Arabic headline's
 * speaker put first (headlineSpeaker), or the one who accuses; empty when it has no name beside it.
 */
export const speakersIn: (key: string, placesIn?: PlacesIn) => string[] = rememberedWithPlaces(speakersOf);

function speakersOf(key: string, placesIn: PlacesIn | undefined): string[] {
  const words = key.split(' ');
  const verb = words.findIndex(saysAt);
  if (verb < 0) {
    // One who accuses says what the other did: "الكويت تتهم العراق بانتهاك" is Kuwait's word, as "العراق: الكويت تنتهك" is Iraq's.
    const headline = headlineSpeaker(words, placesIn);
    const roles = headline.length ? null : rolesIn(key, placesIn);
    return roles?.act === 'accuse' ? roles.agents : headline;
  }
  const before = () => {
    const possessives = words.slice(Math.max(0, verb - SPEAKER_REACH - 1), verb).filter((w) => w === 's').length;
    for (let i = verb - 1; i >= Math.max(0, verb - SPEAKER_REACH - possessives); i--) {
      const mention = mentionAt(words, i, placesIn);
      if (mention && mention.end <= verb) return mention.names;
    }
    return [];
  };
  const after = () => {
    for (let i = verb + 1; i <= Math.min(words.length - 1, verb + SPEAKER_REACH); i++) {
      const mention = mentionAt(words, i, placesIn);
      if (mention) return mention.names;
    }
    return [];
  };
  if (isArabic(words[verb])) {
    const first = after();
    return first.length ? first : before();
  }
  return before();
}

/**
 * Another speaker saying it of the first ("Israel said Hezbollah violated the ceasefire" against
 * "Hezbollah said Israel violated the ceasefire"): each text names a speaker, the two share none,
 * and one text's speaker is named in the other text too (as what is spoken of). The two speakers,
 * the query's first; null otherwise. A text without a verb of saying ("Israel violated the
 * ceasefire: Hezbollah") is not read (but for an Arabic headline's speaker put first), nor one
 * whose speaker the other text never names.
 */
export function swappedSpeakers(queryKey: string, candidateKey: string, placesIn?: PlacesIn): [string, string] | null {
  const q = speakersIn(queryKey, placesIn);
  // Most queries name no speaker: then the candidate's (names read word by word) is never read.
  if (!q.length) return null;
  const c = speakersIn(candidateKey, placesIn);
  if (!c.length || q.some((name) => c.includes(name))) return null;
  const named = (names: string[], key: string) => {
    const all = new Set(mentionsIn(key.split(' '), placesIn).flatMap((m) => m.names));
    return names.some((name) => all.has(name));
  };
  if (!named(q, candidateKey) && !named(c, queryKey)) return null;
  return [q.join(', '), c.join(', ')];
}
