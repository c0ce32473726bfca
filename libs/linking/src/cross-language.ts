import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { primaryLanguage } from '@isnad/text';
import StemmerRu from '@nlpjs/lang-ru/src/stemmer-ru';
import { remembered } from './remembered';

/**
 * Word-by-word translation of a search key between Arabic, English and Russian, from data that
 * ships with the code (no model to download): FreeDict's Arabic–English, English–Arabic and
 * English–Russian dictionaries and CLDR place names (built by scripts/build-cross-language-lexicon.ts;
 * licences in cross-language-lexicon.LICENSE.md), towns of the Middle East, North Africa and the
 * former USSR from GeoNames (gazetteer.json, scripts/build-gazetteer.ts, CC BY 4.0: gazetteer.LICENSE.md),
 * Cyrillic names transliterated to Latin, digits kept.
 * A translation is crude (every sense of every word), but matched with BM25 against the claim texts
 * of the other language it finds the claim whose rare words (places, actors, objects) agree.
 */
export interface TranslatedKey {
  language: string;
  key: string;
  /** The words of the source key (not its stop words) the translation renders: by a place's name, a sense, or as digits; of wordsToRender(key). */
  rendered: string[];
}

interface LexiconFile {
  arEn: Record<string, string>;
  enAr: Record<string, string>;
  ruEn: Record<string, string>;
  /** The same Russian words' senses by their stem (russianStem), for the forms a dictionary does not list. */
  ruStemsEn: Record<string, string>;
  /** Two-word Russian terms by their words' stems ("прекращ огн": ceasefire, "мирн жител": civilian). */
  ruPhrasesEn: Record<string, string>;
  places: string[][];
}

/** gazetteer.json: towns as [Arabic, English, Russian] spellings, each "|"-joined, the first the name (scripts/build-gazetteer.ts). */
interface GazetteerFile {
  places: [string, string, string][];
}

const PLACE_LANGUAGES = ['ar', 'en', 'ru'] as const;
const MAX_PLACE_WORDS = 4;
const SENSES_PER_WORD = 2;
// Shorter words are mostly function words and abbreviations; their skeletons say little.
const MIN_NAME_LETTERS = 4;
// Where an Arabic dictionary word may be a name: among the first words of the text, or after one of these titles.
const NAME_HEAD_WORDS = 2;
const NAME_TITLES = new Set([
  'الرئيس', 'رئيس', 'الزعيم', 'زعيم', 'الجنرال', 'الفريق', 'اللواء', 'المشير', 'العقيد', 'الشيخ', 'السيد', 'السيده', 'الوزير', 'الوزيره',
  'النائب', 'القائد', 'قائد', 'الامير', 'الملك', 'المبعوث', 'المدعي', 'المتحدث', 'السفير', 'الدكتور', 'رجل', 'المرشد',
]);

// Function words carry no claim and translate into noise.
const STOP_WORDS: Record<string, Set<string>> = {
  ar: new Set(['في', 'من', 'على', 'الى', 'عن', 'ان', 'او', 'مع', 'هذا', 'هذه', 'التي', 'الذي', 'الذين', 'قد', 'كان', 'كانت', 'ما', 'ثم', 'بعد', 'قبل', 'عند', 'حتى', 'لقد', 'انه', 'انها', 'هو', 'هي', 'بين', 'كما', 'اي', 'به', 'بها', 'له', 'لها', 'ذلك', 'تلك', 'وقد', 'وان', 'الا', 'اذا', 'منذ', 'خلال', 'حول']),
  en: new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'and', 'or', 'is', 'was', 'are', 'were', 'be', 'been', 'by', 'for', 'that', 'this', 'with', 'as', 'at', 'from', 'it', 'its', 'has', 'have', 'had', 'will', 'would', 'their', 'his', 'her', 'they', 'he', 'she', 'which', 'who', 'after', 'before', 'into', 'than', 'but', 'not']),
  // In search-key spelling (ё → е, й → и), with the prepositions, pronouns and particles the
  // English list leaves out as well: a dictionary would render них or после as a content word.
  ru: new Set([
    'и', 'в', 'во', 'на', 'с', 'со', 'по', 'к', 'о', 'об', 'от', 'из', 'за', 'для', 'что', 'как', 'это', 'не', 'а', 'но', 'же', 'он', 'она', 'они', 'его', 'ее', 'их', 'у', 'до', 'при', 'был', 'была', 'были', 'было',
    'после', 'перед', 'через', 'над', 'под', 'между', 'около', 'также', 'уже', 'еще', 'который', 'которая', 'которое', 'которые', 'которого', 'которои',
    'которых', 'которым', 'чтобы', 'если', 'или', 'либо', 'так', 'там', 'тут', 'где', 'когда', 'все', 'весь', 'вся', 'этот', 'эта', 'эти', 'этого', 'этои', 'этих',
    'том', 'тот', 'та', 'те', 'тех', 'свои', 'своих', 'своеи', 'своего', 'бы', 'ли', 'мы', 'вы', 'я', 'ты', 'нас', 'вас', 'них', 'ним', 'нему', 'неи', 'нее', 'него',
    'без', 'про', 'будет', 'будут', 'быть', 'есть', 'ещё', 'из-за', 'со', 'ко', 'изо', 'обо', 'ото', 'подо', 'надо', 'то', 'ни', 'даже', 'только', 'лишь',
  ]),
};

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** A Cyrillic word in Latin letters (a simple BGN-like scheme: путин → putin, шойгу → shoygu). */
export function transliterateCyrillic(word: string): string {
  return [...word].map((c) => CYRILLIC[c] ?? c).join('');
}

/** Forms under which an Arabic word may be a dictionary headword: as written, without clitics, with or without the article. */
export const arabicLookupForms: (word: string) => readonly string[] = remembered(arabicFormsOf);

// (Remembered: every word of every candidate text is looked up as a place, and words recur.)
function arabicFormsOf(word: string): string[] {
  const forms = new Set<string>([word]);
  const bare = word.replace(/^(?:وال|بال|فال|كال|لل|ال)(?=\p{L}{2})/u, '').replace(/^[وف](?=\p{L}{3})/u, '');
  for (const stem of [bare, bare.replace(/^[بلك](?=ال\p{L}{2})/u, '')]) {
    const noArticle = stem.replace(/^ال(?=\p{L}{2})/u, '');
    for (const form of [stem, noArticle, `ال${noArticle}`]) {
      forms.add(form);
      if (form.length > 4) for (const suffix of ['ات', 'ون', 'ين', 'ها', 'هم', 'ه', 'ي']) if (form.endsWith(suffix)) forms.add(form.slice(0, -suffix.length));
      if (form.endsWith('ات') && form.length > 4) forms.add(`${form.slice(0, -2)}ه`);
    }
  }
  return [...forms];
}

/** English forms to try: as written, then without a plural or past ending. */
function englishLookupForms(word: string): string[] {
  const forms = [word];
  if (word.length > 4 && word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.length > 3 && word.endsWith('s')) forms.push(word.slice(0, -1));
  if (word.length > 4 && word.endsWith('ed')) forms.push(word.slice(0, -2), word.slice(0, -1));
  return forms;
}

const russianStemmer = new StemmerRu();

/**
 * The Snowball stem of a Russian word in search-key spelling, under which the lexicon files its
 * Russian words: every case and number of a noun or adjective and most forms of a verb share it
 * (церкви, церквями → церкв; мечети, мечеть → мечет; включены, включить → включ). The search key
 * spells й as и, which Snowball reads as another ending: a final и after a vowel is a й again.
 */
export const russianStem: (word: string) => string = remembered((word) => russianStemmer.stemWord(word.replace(/(?<=[аеиоуыэюя])и$/u, 'й')));

/** A Russian function word (search-key spelling), which neither a translation nor the lexicon renders. */
export function isRussianStopWord(word: string): boolean {
  return STOP_WORDS.ru.has(word);
}

/** Stems shorter than this are not keys of the lexicon: Snowball cuts серия and серый to one сер, мидия to мид (МИД). */
const MIN_RUSSIAN_STEM_LETTERS = 4;

/** The stem under which the lexicon files a Russian word's senses (ruStemsEn), or null when it is too short to tell words apart. */
export function russianStemKey(word: string): string | null {
  const stem = russianStem(word);
  return [...stem].length >= MIN_RUSSIAN_STEM_LETTERS ? stem : null;
}

/** The key of a two-word Russian term (ruPhrasesEn): its words' stems, unless either is a function word. */
export function russianPhraseKey(first: string, second: string): string {
  return isRussianStopWord(first) || isRussianStopWord(second) ? '' : `${russianStem(first)} ${russianStem(second)}`;
}

/** The forms under which a dictionary may file a word: Arabic and English as written and bare; Russian as written (its stem is looked up apart). */
function dictionaryForms(word: string, language: string): readonly string[] {
  return language === 'ar' ? arabicLookupForms(word) : language === 'ru' ? [word] : englishLookupForms(word);
}

/** Russian forms to try for a place name: as written, then with common case and verb endings cut. */
const russianLookupForms: (word: string) => readonly string[] = remembered(russianFormsOf);

function russianFormsOf(word: string): string[] {
  const forms = [word];
  const ending = /(?:ами|ями|ого|его|ому|ему|ыми|ими|ой|ей|ом|ем|ах|ях|ов|ев|ую|юю|ая|яя|ое|ее|ые|ие|ый|ий|а|я|у|ю|ы|и|е|о|ь)$/u;
  // The nominative under the case ending: ирака → ирак, сирии → сирия, израиля → израиль.
  if (word.length > 4) forms.push(word.replace(ending, ''), `${word.replace(ending, '')}а`, `${word.replace(ending, '')}ь`, `${word.replace(ending, '')}я`);
  return forms;
}

// Everyday names of countries whose CLDR name differs (search-key spelling), to that name in English.
const PLACE_ALIASES: Record<string, string> = {
  turkey: 'turkiye', turkish: 'turkiye', uae: 'united arab emirates', emirati: 'united arab emirates', saudi: 'saudi arabia',
  usa: 'united states', america: 'united states', american: 'united states', britain: 'united kingdom', british: 'united kingdom',
  uk: 'united kingdom', ukrainian: 'ukraine', lebanese: 'lebanon', moroccan: 'morocco', palestine: 'palestinian territories', palestinian: 'palestinian territories',
  سعوديه: 'saudi arabia', امارات: 'united arab emirates', اماراتي: 'united arab emirates', امريكا: 'united states', امريكي: 'united states',
  امريكيه: 'united states', بريطانيا: 'united kingdom', بريطاني: 'united kingdom', بريطانيه: 'united kingdom', فلسطين: 'palestinian territories',
  فلسطيني: 'palestinian territories', сша: 'united states', британия: 'united kingdom', саудовская: 'saudi arabia', турецкий: 'turkiye',
  // Египет drops its е when declined, which no ending rule puts back.
  // تركي is also CLDR's ترك (Chuuk) once its ending is cut.
  تركي: 'turkiye', تركيه: 'turkiye',
  египта: 'egypt', египту: 'egypt', египтом: 'egypt', египте: 'egypt',
};

// Russian adjectives of nationality (search-key spelling: й → и), as stems that every case form starts with.
const RUSSIAN_NATIONALITIES: [string, string][] = [
  ['россииск', 'russia'], ['сирииск', 'syria'], ['египетск', 'egypt'], ['турецк', 'turkiye'], ['иранск', 'iran'], ['иракск', 'iraq'],
  ['израильск', 'israel'], ['американск', 'united states'], ['ливииск', 'libya'], ['ливанск', 'lebanon'], ['иорданск', 'jordan'],
  ['саудовск', 'saudi arabia'], ['катарск', 'qatar'], ['алжирск', 'algeria'], ['марокканск', 'morocco'], ['суданск', 'sudan'],
  ['иеменск', 'yemen'], ['китаиск', 'china'], ['украинск', 'ukraine'], ['палестинск', 'palestinian territories'], ['кувеитск', 'kuwait'],
];

/** The country a word of nationality may come from: "syrian" → syria, "egyptian" → egypt, "السوري" and "السوريه" → سوريا, "الجزائريه" → الجزائر. */
function adjectiveBases(word: string): string[] {
  if (/\p{Script=Arabic}/u.test(word)) {
    const article = word.startsWith('ال') ? 'ال' : '';
    const bare = word.replace(/^(?:وال|بال|لل|ال)(?=\p{L}{3})/u, '');
    const base = bare.replace(/(?:يين|يون|يه|ي)$/u, '');
    return base === bare || [...base].length < 2 ? [] : [base, `${base}ا`, `${bare}ا`, `${base}يا`, `ال${base}`, `${article}${base}`];
  }
  if (!/^[a-z]{5,}$/.test(word)) return [];
  return [/ian$/, /ese$/, /i$/, /n$/].filter((e) => e.test(word)).map((e) => word.replace(e, ''));
}

/** The language of ar/en/ru a BCP 47 tag names ("ar-SY" → ar); null for any other. */
function sourceLanguage(language: string | null): (typeof PLACE_LANGUAGES)[number] | null {
  const source = primaryLanguage(language);
  return PLACE_LANGUAGES.includes(source as (typeof PLACE_LANGUAGES)[number]) ? (source as (typeof PLACE_LANGUAGES)[number]) : null;
}

@Injectable()
export class CrossLanguageLexicon {
  private loaded: {
    /** Headword → its senses joined by "|", as the file has them (split on lookup: far fewer objects). */
    dictionaries: Record<string, Record<string, Map<string, string>>>;
    /** Russian stem → English senses, for a form the Russian dictionary does not list (церквями, закрыла). */
    russianStems: Map<string, string>;
    /** Two Russian words' stems, space-joined → the English word of the term they make (russianPhraseKey). */
    russianPhrases: Map<string, string>;
    places: Map<string, string[]>;
    /** Every English name a place's spelling may stand for, joined by "|" ("الجزاير": "algeria|algiers"). */
    englishNames: Map<string, string>;
    /** The keys of `places` that CLDR names (countries and its cities), not the gazetteer. */
    cldrPlaces: ReadonlySet<string>;
    /** The first word of each place name of several words, in any language ("united"). */
    phraseStarts: ReadonlySet<string>;
  } | null = null;

  // The lexicon is some 10 MB once parsed: read on the first cross-language lookup, not at start-up,
  // so an idle API (and one that never matches claims) does not hold it. Read and parsed here rather
  // than required, so that the parsed file is not kept in the module cache beside these maps.
  private get lexicon(): NonNullable<CrossLanguageLexicon['loaded']> {
    if (this.loaded) return this.loaded;
    const file = JSON.parse(readFileSync(join(__dirname, 'cross-language-lexicon.json'), 'utf8')) as LexiconFile;
    const parse = (entries: Record<string, string>) => new Map(Object.entries(entries));
    const places = new Map<string, string[]>();
    const englishNames = new Map<string, string>();
    for (const names of file.places) {
      names.forEach((name, i) => {
        const key = `${PLACE_LANGUAGES[i]}:${name}`;
        places.set(key, names);
        const known = englishNames.get(key)?.split('|') ?? [];
        englishNames.set(key, known.includes(names[1]) ? known.join('|') : [...known, names[1]].join('|'));
      });
    }
    const cldrPlaces = new Set(places.keys());
    // Towns CLDR does not name (gazetteer.json, GeoNames): each spelling of a row stands for its
    // first name in each language, and a spelling CLDR already has keeps CLDR's place.
    const gazetteer = JSON.parse(readFileSync(join(__dirname, 'gazetteer.json'), 'utf8')) as GazetteerFile;
    for (const row of gazetteer.places) {
      const spellings = row.map((names) => names.split('|').filter(Boolean));
      const names = spellings.map((forms) => forms[0] ?? '');
      spellings.forEach((forms, i) => {
        for (const form of forms) {
          const key = `${PLACE_LANGUAGES[i]}:${form}`;
          if (places.has(key)) continue;
          places.set(key, names);
          englishNames.set(key, names[1]);
        }
      });
    }
    const phraseStarts = new Set([...places.keys()].filter((key) => key.includes(' ')).map((key) => key.slice(key.indexOf(':') + 1, key.indexOf(' '))));
    this.loaded = {
      dictionaries: { ar: { en: parse(file.arEn) }, en: { ar: parse(file.enAr) }, ru: { en: parse(file.ruEn) } },
      russianStems: parse(file.ruStemsEn),
      russianPhrases: parse(file.ruPhrasesEn),
      places,
      englishNames,
      cldrPlaces,
      phraseStarts,
    };
    return this.loaded;
  }

  private get dictionaries() {
    return this.lexicon.dictionaries;
  }

  private get places() {
    return this.lexicon.places;
  }

  /** Words of the key that belong to a known place name (in any of the three languages). */
  placeWords(key: string): Set<string> {
    const words = key.split(' ').filter(Boolean);
    const out = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      for (const source of PLACE_LANGUAGES) {
        const place = this.placeAt(words, i, source, source);
        if (place) words.slice(i, i + place.length).forEach((w) => out.add(w));
      }
    }
    return out;
  }

  /**
   * Known places the key names (in any of the three languages), each as the English names its
   * spelling may stand for, joined by "|" ("algeria|algiers"). A country is also known by its
   * everyday name ("turkey", "السعوديه") and by its adjective ("syrian", "المصري", "الجزائريه"),
   * which is how news names a country's army, government or people.
   */
  readonly placesIn: (key: string) => ReadonlySet<string> = remembered((key) => this.placesOf(key));

  private placesOf(key: string): Set<string> {
    const words = key.split(' ').filter(Boolean);
    const out = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      // A word that starts no place name of several words names the same place wherever it stands.
      const names = this.lexicon.phraseStarts.has(words[i]) ? this.placeNamedAt(words, i) : this.placeOfWord(words[i]);
      if (names !== null) out.add(names);
    }
    return out;
  }

  // (Remembered: every word of every candidate text is read, and words recur.)
  private readonly placeOfWord = remembered((word: string) => this.placeNamedAt([word], 0));

  /** The English names (joined by "|") of the place the key names from word i on, by a name, an alias or an adjective; null for none. */
  private placeNamedAt(words: string[], i: number): string | null {
    const namesOf = (lookup: string) => this.lexicon.englishNames.get(lookup) ?? null;
    // Each word is looked up in the language its script says (a claim's text is scored once per pool).
    const source = /\p{Script=Arabic}/u.test(words[i]) ? 'ar' : /\p{Script=Cyrillic}/u.test(words[i]) ? 'ru' : 'en';
    const place = this.placeAt(words, i, source, 'en');
    const named = place && namesOf(`${source}:${place.form}`);
    if (named !== null) return named;
    const alias = PLACE_ALIASES[words[i]] ?? PLACE_ALIASES[words[i].replace(/^(?:وال|بال|لل|ال)(?=\p{L}{3})/u, '')];
    const nationality = source === 'ru' ? RUSSIAN_NATIONALITIES.find(([stem]) => words[i].startsWith(stem)) : undefined;
    if (alias) return alias;
    if (nationality) return nationality[1];
    // Adjectives are of countries and CLDR's cities, not of the gazetteer's towns ("susan" is not Susa's).
    const adjective = adjectiveBases(words[i]).find((form) => this.lexicon.cldrPlaces.has(`${source}:${form}`) && namesOf(`${source}:${form}`) !== null);
    return adjective === undefined ? null : namesOf(`${source}:${adjective}`);
  }

  /** The key in each other language of ar/en/ru, word by word; none when the language is unknown or nothing translates. */
  translations(key: string, language: string | null): TranslatedKey[] {
    const source = sourceLanguage(language);
    if (!source) return [];
    const words = key.split(' ').filter(Boolean);
    const out: TranslatedKey[] = [];
    for (const target of PLACE_LANGUAGES) {
      if (target === source) continue;
      const translated: string[] = [];
      const rendered: string[] = [];
      let found = 0;
      for (let i = 0; i < words.length; ) {
        const place = this.translatedPlaceAt(words, i, source, target);
        if (place) {
          translated.push(place.name);
          rendered.push(...words.slice(i, i + place.length));
          found++;
          i += place.length;
          continue;
        }
        const term = source === 'ru' ? this.russianTermAt(words, i, target) : null;
        if (term) {
          translated.push(...term);
          rendered.push(words[i], words[i + 1]);
          found++;
          i += 2;
          continue;
        }
        const word = words[i++];
        if (STOP_WORDS[source]?.has(word)) continue;
        if (/^\d/.test(word)) {
          translated.push(word);
          rendered.push(word);
          continue;
        }
        const senses = this.wordSenses(word, source, target);
        if (senses.length) {
          found++;
          rendered.push(word);
        }
        translated.push(...senses);
      }
      if (found) out.push({ language: target, key: translated.join(' '), rendered });
    }
    return out;
  }

  /** How many words of the key a translation has to render: those that are not stop words of its language. */
  wordsToRender(key: string, language: string | null): number {
    const source = sourceLanguage(language);
    return key.split(' ').filter((word) => word && !(source && STOP_WORDS[source]?.has(word))).length;
  }

  /**
   * Words of the key that neither the dictionary of its language nor the place names know (most
   * often people's and organisations' names), which the matcher looks for by their name skeleton
   * in the other scripts' texts.
   */
  unknownWords(key: string, language: string | null): string[] {
    const source = sourceLanguage(language);
    return source ? this.contentWords(key, source).filter((word) => !this.knows(word, source)) : [];
  }

  /**
   * Words of an Arabic key that the dictionary knows but that stand where a name stands: the Arabic
   * spelling of many names is also a word (بوتين "butene", البرهان "proof"), which the translation
   * renders by its sense, so the matcher also looks them up as names. A name stands at the head of
   * a headline ("بوتين: ...", "كريم خان يزور ..."), after a title (الرئيس، الجنرال ...) or after a
   * first name no dictionary knows (مقتدى الصدر); elsewhere a word is taken for a word (حكومه is
   * "government", not Hakim). None in another language, where capitals tell names.
   */
  dictionaryWords(key: string, language: string | null): string[] {
    if (sourceLanguage(language) !== 'ar') return [];
    const words = key.split(' ').filter((w) => w && !STOP_WORDS.ar.has(w));
    const places = this.placeWords(key);
    const candidates = new Set(this.contentWords(key, 'ar'));
    const known = new Map([...candidates].map((w) => [w, this.knows(w, 'ar')]));
    const named = words.filter((word, i) => {
      const before = words[i - 1];
      return i < NAME_HEAD_WORDS || NAME_TITLES.has(before) || (candidates.has(before) && !places.has(before) && !known.get(before));
    });
    return [...new Set(named)].filter((word) => candidates.has(word) && !places.has(word) && known.get(word));
  }

  /** Distinct words of the key long enough to be a name: no digits, no function words. */
  private contentWords(key: string, source: string): string[] {
    return [...new Set(key.split(' '))].filter((word) => [...word].length >= MIN_NAME_LETTERS && !/\d/.test(word) && !STOP_WORDS[source]?.has(word));
  }

  /**
   * True when a lexeme of the index, in the given language, may be a person's name spelt in that
   * script: no place, and no dictionary word. A Russian lexeme is not looked up in the dictionary:
   * the index keeps Russian words as their Snowball stems, and a name's stem is often a word's
   * (Лавров → лавр, laurel).
   */
  mayBeName(lexeme: string, language: string): boolean {
    return language === 'ru' ? !this.placeAt([lexeme], 0, language, language) : !this.knows(lexeme, language);
  }

  /** True when the word, in one of its lookup forms, is a dictionary headword or a place name of its language. */
  knows(word: string, language: string): boolean {
    if (this.placeAt([word], 0, language, language)) return true;
    const dictionary = language === 'en' ? this.dictionaries.en.ar : this.dictionaries[language]?.en;
    if (!dictionary) return false;
    return dictionaryForms(word, language).some((form) => dictionary.has(form));
  }

  /**
   * The place a translation renders word i by. A Russian word is read as a town with its case
   * ending cut only when no dictionary knows it (нефти is oil, not the Tunisian town Nefta); a
   * country the search key spells otherwise comes from PLACE_ALIASES (сша, египту).
   */
  private translatedPlaceAt(words: string[], i: number, source: string, target: string): { name: string; length: number } | null {
    const place = this.placeAt(words, i, source, target);
    if (source !== 'ru') return place;
    const word = words[i];
    if (place && (place.length > 1 || place.form === word || this.lexicon.cldrPlaces.has(`ru:${place.form}`) || !this.russianSenses(word))) return place;
    const alias = PLACE_ALIASES[word];
    const names = alias === undefined ? undefined : this.places.get(`en:${alias}`);
    return names ? { name: names[PLACE_LANGUAGES.indexOf(target as (typeof PLACE_LANGUAGES)[number])] || names[1], length: 1 } : null;
  }

  /** The longest place name starting at word i, in the target language. */
  private placeAt(words: string[], i: number, source: string, target: string): { name: string; length: number; form: string } | null {
    // Most words start no name of several words: those are not joined into phrases to look up.
    const longest = this.lexicon.phraseStarts.has(words[i]) ? MAX_PLACE_WORDS : 1;
    for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const forms = n > 1 ? [phrase] : source === 'ar' ? arabicLookupForms(phrase) : source === 'ru' ? russianLookupForms(phrase) : [phrase];
      for (const form of forms) {
        const names = this.places.get(`${source}:${form}`);
        // A town with no name in the target language keeps its English one.
        if (names) return { name: names[PLACE_LANGUAGES.indexOf(target as (typeof PLACE_LANGUAGES)[number])] || names[1], length: n, form };
      }
    }
    return null;
  }

  /** Translations of one word (through English between Arabic and Russian); Cyrillic names fall back to Latin letters. */
  private wordSenses(word: string, source: string, target: string): string[] {
    const direct = this.dictionaries[source]?.[target];
    if (direct) return this.lookUp(direct, word, source);
    const english = source === 'en' ? [word] : this.wordSenses(word, source, 'en');
    if (target === 'en') return english;
    // A Russian name's Latin letters are no English word to translate on (газе → gaze → النظره).
    if (source === 'ru' && !this.russianSenses(word)) return [];
    // Onward from Russian, its first English sense only: two senses at each of two hops would render
    // a word by up to four unrelated ones (мирных: peaceful, placid → سلمي، هادي).
    return this.fromEnglish(source === 'ru' ? english.slice(0, 1) : english, target);
  }

  /** English words in the target language, through its dictionary. */
  private fromEnglish(english: readonly string[], target: string): string[] {
    const onward = this.dictionaries.en[target];
    return onward ? english.flatMap((w) => this.lookUp(onward, w, 'en')).slice(0, SENSES_PER_WORD) : [];
  }

  /** The translation of the two-word Russian term at word i (прекращения огня → ceasefire), if the lexicon has it. */
  private russianTermAt(words: readonly string[], i: number, target: string): string[] | null {
    if (i + 1 >= words.length) return null;
    const senses = this.lexicon.russianPhrases.get(russianPhraseKey(words[i], words[i + 1]))?.split('|', SENSES_PER_WORD);
    if (!senses) return null;
    return target === 'en' ? senses : this.fromEnglish(senses, target);
  }

  private lookUp(dictionary: Map<string, string>, word: string, language: string): string[] {
    if (language === 'ru') return this.russianSenses(word)?.split('|', SENSES_PER_WORD) ?? [transliterateCyrillic(word)];
    for (const form of dictionaryForms(word, language)) {
      const senses = dictionary.get(form);
      if (senses) return senses.split('|', SENSES_PER_WORD);
    }
    return [];
  }

  /**
   * A Russian word's English senses ("|"-joined): as the dictionary writes it, or by its stem, a
   * dictionary word's (целей → цель) or itself one (объемом → объем, which Snowball cuts to объ).
   */
  private russianSenses(word: string): string | undefined {
    const dictionary = this.dictionaries.ru.en;
    const stem = russianStemKey(word);
    return dictionary.get(word) ?? (stem === null ? undefined : (this.lexicon.russianStems.get(stem) ?? dictionary.get(stem)));
  }
}
