import { InvalidInputError } from './domain-error';
import { decodeCursor, encodeCursor, toConnection } from './pagination';

describe('keyset cursors', () => {
  const id = '3f1c2a9e-8b7d-4c6e-9f10-1a2b3c4d5e6f';

  it('round-trips the position of the last row seen', () => {
    expect(decodeCursor(encodeCursor({ value: '2021-02-05T09:00:00.123Z', id }))).toEqual({
      value: '2021-02-05T09:00:00.123Z',
      id,
    });
  });

  it.each([
    ['not base64 JSON', 'bm9wZQ'],
    ['a forged id', Buffer.from(JSON.stringify(['2021-01-01T00:00:00Z', "1'; DROP TABLE claims; --"])).toString('base64url')],
    ['a forged time', Buffer.from(JSON.stringify(['yesterday', id])).toString('base64url')],
    ['the wrong shape', Buffer.from(JSON.stringify({ id })).toString('base64url')],
  ])('refuses %s as BAD_USER_INPUT', (_name, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InvalidInputError);
  });

  it('knows there is a next page from the one extra row fetched', () => {
    const rows = [1, 2, 3].map((n) => ({ n, id }));
    const page = toConnection(rows, 2, (row) => ({ value: row.n, id: row.id }));
    expect(page.nodes.map((r) => r.n)).toEqual([1, 2]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor as string).value).toBe(2);
  });
});
