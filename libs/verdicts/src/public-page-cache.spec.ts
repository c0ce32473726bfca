import { chooseEncoding } from './public-page-cache';

describe('chooseEncoding: the coding a feed reader gets', () => {
  const cases: [string | string[] | undefined, 'br' | 'gzip' | null][] = [
    [undefined, null],
    ['', null],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['identity', null],
    [['gzip', 'br;q=0'], 'gzip'],
  ];

  it.each(cases)('answers %j with %s, the first time and every time after', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
    expect(chooseEncoding(header)).toBe(expected);
  });
});
