import { MAX_SEARCH_WORDS, containsAllWords, escapeLike, isUniqueViolation } from './sql';

describe('text search conditions', () => {
  it('asks for every word of the search key, each as an escaped LIKE pattern', () => {
    expect(containsAllWords('c.statement_key', 'مصدر مطلع 50% مطلع', 'w')).toEqual({
      sql: 'c.statement_key LIKE :w0 AND c.statement_key LIKE :w1 AND c.statement_key LIKE :w2',
      parameters: { w0: '%مصدر%', w1: '%مطلع%', w2: '%50\\%%' },
    });
  });

  it('matches nothing for an empty key and caps long pasted texts', () => {
    expect(containsAllWords('k', '', 'w').sql).toBe('FALSE');
    const long = Array.from({ length: 40 }, (_, i) => `كلمة${i}`).join(' ');
    expect(Object.keys(containsAllWords('k', long, 'w').parameters)).toHaveLength(MAX_SEARCH_WORDS);
  });

  it('escapes LIKE wildcards and backslashes', () => {
    expect(escapeLike('a_b%c\\d')).toBe('a\\_b\\%c\\\\d');
  });

  it('recognises a unique violation on a named constraint, wrapped by TypeORM or not', () => {
    const raw = { code: '23505', constraint: 'articles_canonical_url_key' };
    expect(isUniqueViolation({ driverError: raw }, 'articles_canonical_url_key')).toBe(true);
    expect(isUniqueViolation(raw)).toBe(true);
    expect(isUniqueViolation({ driverError: raw }, 'another_key')).toBe(false);
    expect(isUniqueViolation(new Error('boom'))).toBe(false);
  });
});
