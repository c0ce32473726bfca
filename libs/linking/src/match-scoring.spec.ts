import { normalizeForSearch } from '@isnad/text';
import { MatchReasonKind, TermStats, capitalisedNames, lightStem, longestSharedPhrase, numbersIn, scoreCandidate } from './match-scoring';

const stats: TermStats = { df: new Map([['common', 90], ['rare', 1]]), total: 100 };

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
  });

  it('takes capitalised words after the first of each sentence as names', () => {
    expect(capitalisedNames('Officials in Damascus said. The United Nations denied it')).toEqual(['damascus', 'united', 'nations']);
  });

  it('weighs rare shared words above common ones and cuts the score on disagreeing numbers', () => {
    const query = { key: 'rare common 5', lexemes: ['rare', 'common', '5'], names: [] };
    const rare = scoreCandidate(query, { key: 'rare x', lexemes: ['rare', 'x'], trigram: 0.2 }, stats);
    const common = scoreCandidate(query, { key: 'common x', lexemes: ['common', 'x'], trigram: 0.2 }, stats);
    expect(rare.score).toBeGreaterThan(common.score);

    const same = scoreCandidate(query, { key: 'rare common 5', lexemes: ['rare', 'common', '5'], trigram: 1 }, stats);
    const other = scoreCandidate(query, { key: 'rare common 50', lexemes: ['rare', 'common', '50'], trigram: 0.9 }, stats);
    expect(same.reasons).toContainEqual({ kind: MatchReasonKind.SHARED_NUMBERS, values: ['5'] });
    expect(other.reasons.map((r) => r.kind)).toContain(MatchReasonKind.DIFFERENT_NUMBERS);
    expect(other.score).toBeLessThan(same.score * 0.75);
  });
});
