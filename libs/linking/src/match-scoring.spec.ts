import { normalizeForSearch } from '@isnad/text';
import { capitalisedNames, lightStem, longestSharedPhrase, numbersIn, roundedIn, sameFigure, trigramSimilarity } from './match-scoring';

describe('match scoring', () => {
  it.each([
    ['5 soldiers and 1,200 civilians', ['5', '1200']],
    [normalizeForSearch('قتل ٥ جنود'), ['5']],
    [normalizeForSearch('مقتل خمسة جنود وعشرين مدنيا'), ['5', '20']],
    ['five soldiers, twenty civilians', ['5', '20']],
    [normalizeForSearch('15 ألف ليرة'), ['15000']],
    ['15,000 pounds and 50.4 degrees and 2 million', ['15000', '50.4', '2000000']],
    ['no numbers here', []],
  ])('finds the numbers of "%s"', (key, expected) => {
    expect(numbersIn(key)).toEqual(expected);
  });

  it.each([
    ['والمسؤولين', 'مسؤول'],
    ['بالولايات', 'ولاي'],
    ['countries', 'country'],
    ['meetings', 'meeting'],
    ['class', 'class'],
  ])('light-stems %s to %s', (word, stem) => {
    expect(lightStem(word)).toBe(stem);
  });

  it('finds the longest shared phrase across Arabic clitics, and ignores runs of function words', () => {
    expect(longestSharedPhrase('عقدت سلسله لقاءات لممثلي الاجهزه', 'عقدت سلسله اللقاءات لممثلين في الدول')).toEqual([
      'عقدت',
      'سلسله',
      'لقاءات',
      'لممثلي',
    ]);
    expect(longestSharedPhrase('held a series of meetings in tanf', 'a series of meetings was held')).toEqual(['a', 'series', 'of', 'meetings']);
    expect(longestSharedPhrase('of the and', 'of the and')).toEqual([]);
    // A run broken off and a longer one later: the longest is kept, from the query's words.
    expect(longestSharedPhrase('army took the town then fired rockets at kiryat shmona', 'fired rockets at kiryat shmona after the army took')).toEqual([
      'fired',
      'rockets',
      'at',
      'kiryat',
      'shmona',
    ]);
  });

  it('takes capitalised words after the first of each sentence as names', () => {
    expect(capitalisedNames('Officials in Damascus said. The United Nations denied it')).toEqual(['damascus', 'united', 'nations']);
  });

  it('measures trigram similarity as PostgreSQL\'s pg_trgm does', () => {
    // similarity() of pg_trgm 1.6 on PostgreSQL 15 for these pairs: 0.5952381 and 0.34375.
    expect(trigramSimilarity('jordan closed the jaber crossing', 'jordan shuts the jaber border crossing')).toBeCloseTo(0.5952381, 6);
    expect(trigramSimilarity('الاردن يغلق معبر جابر', 'اغلاق معبر جابر الحدودي')).toBeCloseTo(0.34375, 6);
    expect(trigramSimilarity('same words', 'same words')).toBe(1);
    expect(trigramSimilarity('abc', 'xyz')).toBe(0);
  });
});

describe('numbers written in other formats', () => {
  it.each([
    ['thousands separators (1,200 reads 1 200 in a search key)', '1,200 workers', ['1200']],
    ['a number word of tens and units', 'twenty-five crew members', ['25']],
    ['an Arabic number word of units and tens', 'خمسة وعشرين جنديا', ['25']],
    ['a Russian multiplier', '100 тысяч тонн', ['100000']],
    ['spaces between thousands', '100 000 тонн', ['100000']],
    ['an Arabic clitic before digits', 'بـ100 ألف طن', ['100000']],
    ['a bare million', 'مليون برميل', ['1000000']],
    ['a number word after the conjunction و', 'قتل وخمسه جنود', ['5']],
    ['the Arabic teens, the unit before عشر', 'اثنا عشر قتيلا', ['12']],
    ['no figure in a text of words only, whatever they are called', 'the constructor of the bridge said', []],
    ['a decimal point, which a search key turns into a space', 'inflation fell to 32.5% from 35.7%', ['32.5', '35.7']],
    ['a decimal before a multiplier, in Arabic and Russian', '3.5 مليون شخص و1,5 млрд долларов', ['3500000', '1500000000']],
    ['Russian number words in another case', 'до пятидесяти процентов, трое рабочих', ['50', '3']],
    ['Arabic 11 to 19 and hundreds in one word', 'خمسة عشر جنديا واثنا عشر مدنيا وسبعمئة مهاجر', ['15', '12', '700']],
    ['Arabic-Indic digits', 'تسجيل ١٨ حالة', ['18']],
    ['zero and the English teens', 'zero cases, eighteen schools', ['0', '18']],
    ['three hundred', 'three hundred fighters', ['300']],
    ['abbreviated multipliers', '25 млрд долларов и 3 млн тонн', ['25000000000', '3000000']],
    ['a multiplier written onto the digits', '$2.5bn in aid and 3mln tonnes', ['2500000000', '3000000']],
    ['an Arabic dual, which is two of a thing', 'مدة لا تزيد على سنتين', ['2']],
    ['an Arabic number in words, largest part first', 'العفو عن ألفين وأربعمائة وستة وسبعين سجينا', ['2476']],
    ['thousands and hundreds in Arabic words', 'ثلاثة آلاف وخمسمائة لاجئ', ['3500']],
    ['an English ordinal in digits', 'a record 12th title, the 3rd in a row', ['12', '3']],
  ])('reads %s', (_, text, expected) => {
    expect(numbersIn(normalizeForSearch(text))).toEqual(expected);
  });

  it.each([
    ['two figures in digits joined by و, which are two figures', '1000 و500', ['1000', '500']],
    ['a figure in digits and one in words', '2000 وخمسمائة', ['2000', '500']],
  ])('does not join %s', (_, text, expected) => {
    expect(numbersIn(normalizeForSearch(text))).toEqual(expected);
  });
});

describe('rounded figures', () => {
  it('reads a figure given as a rounding in the three languages', () => {
    expect([...roundedIn(normalizeForSearch('nearly 1,200 cases, 30 deaths'))]).toEqual(['1200']);
    expect([...roundedIn(normalizeForSearch('تسجيل نحو 1200 إصابة و300 حالة تقريبا'))]).toEqual(['1200', '300']);
    expect([...roundedIn(normalizeForSearch('около 1200 случаев'))]).toEqual(['1200']);
  });

  it.each([
    ['a rounding within 5 %', '1200', '1187', true],
    ['the same figure', '1187', '1187', true],
    ['a rounding too far', '1200', '1100', false],
    ['two exact figures close together', '1190', '1187', false],
  ])('compares %s', (_, a, b, same) => {
    expect(sameFigure(a, b, new Set(['1200', '1190'].filter((v) => v === '1200')))).toBe(same);
  });
});

describe('the shared phrase of a query and each text of its pool', () => {
  // longestSharedPhrase keeps its two rows of numbers between calls (a query is read against a
  // hundred texts): what it finds must not depend on the texts read before.
  const query = 'the army took the town then fired rockets at kiryat shmona';
  const pool = [
    'fired rockets at kiryat shmona after the army took the town',
    'the army took',
    'rockets were fired at kiryat shmona and at other towns in the north after the army took the town of the region then withdrew from it',
    'army took the town',
    'nothing shared here',
    'the army',
  ];

  it('finds for each text what it finds for that text alone, whatever the lengths of those read before', () => {
    const alone = pool.map((text) => longestSharedPhrase(query, text));
    expect(alone[0]).toEqual(['the', 'army', 'took', 'the', 'town']);
    for (const order of [pool, [...pool].reverse(), [...pool, ...pool]]) {
      expect(order.map((text) => longestSharedPhrase(query, text))).toEqual(order.map((text) => alone[pool.indexOf(text)]));
    }
    expect(longestSharedPhrase(query, 'nothing shared here')).toEqual([]);
  });
});
