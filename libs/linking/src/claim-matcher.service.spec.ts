import { pairedTerms, rareListsRead, tsvectorTerms } from './claim-matcher.service';

/** Search terms as the first stage gets them, with the number of texts holding each. */
const termsHeldBy = (held: Record<string, number>) => ({
  terms: Object.keys(held).map((lexeme) => ({ lexeme, weight: 1, own: true })),
  df: (term: { lexeme: string }) => held[term.lexeme],
});

describe('the posting lists the first stage reads in a large collection', () => {
  it('reads the rarest words first and stops before their lists hold more than a thousand texts', () => {
    // A long tweet in a million claims: a name held by 3 texts, a place by 40, then words held by hundreds.
    const { terms, df } = termsHeldBy({ vaccine: 390, quentaria: 3, shipments: 350, vellmar: 40, doubled: 300, port: 380 });
    expect(rareListsRead(terms, df).map((t) => t.lexeme)).toEqual(['quentaria', 'shipments', 'vellmar', 'doubled']);
  });

  it('keeps the query’s order, so that the partial sums add up as they did', () => {
    const { terms, df } = termsHeldBy({ doubled: 5, quentaria: 3, vellmar: 4 });
    expect(rareListsRead(terms, df).map((t) => t.lexeme)).toEqual(['doubled', 'quentaria', 'vellmar']);
  });

  it('reads no list of a word held by more than 400 texts, even with postings to spare', () => {
    const { terms, df } = termsHeldBy({ officials: 401, quentaria: 3 });
    expect(rareListsRead(terms, df).map((t) => t.lexeme)).toEqual(['quentaria']);
  });

  it('reads none when every word is common (the matcher then reads the rarest ones’ texts in common)', () => {
    const { terms, df } = termsHeldBy({ officials: 5000, said: 90000 });
    expect(rareListsRead(terms, df)).toEqual([]);
  });

  it('reads the query’s own rare words even when its translations and spelt names are rarer', () => {
    // An Arabic edited copy in a million claims: its unknown words spelt in Latin letters (held by
    // few texts each) came first in one budget and left the copy's own rare words unread.
    const own = { rlh: 166, ysghwth: 179, dakhahwt: 179, banywnz: 186 };
    const spelt = { ralh: 60, yasghuth: 70, dakhahut: 80, banyunz: 90, dhizqash: 95, kanul: 100, jud: 120, hakhtath: 130, zakagh: 150 };
    const held: Record<string, number> = { ...own, ...spelt };
    const terms = [
      ...Object.keys(own).map((lexeme) => ({ lexeme, own: true })),
      ...Object.keys(spelt).map((lexeme) => ({ lexeme, own: false })),
    ];
    const read = rareListsRead(terms, (term) => held[term.lexeme]).map((t) => t.lexeme);
    expect(read.filter((lexeme) => lexeme in own)).toEqual(['rlh', 'ysghwth', 'dakhahwt']);
    // The other versions get what the query's own words leave of the thousand postings.
    expect(read.filter((lexeme) => lexeme in spelt)).toEqual(['ralh', 'yasghuth', 'dakhahut', 'banyunz', 'dhizqash']);
  });
});

describe('the words whose pairs the first stage reads from the index', () => {
  it('pairs the query’s own words whose lists are not read, rarest first', () => {
    // An edited copy in three million claims: its names and words are each held by more than 400 texts.
    const { terms, df } = termsHeldBy({ officials: 4000, quentaria: 570, vellmar: 610, shipments: 1400, doubled: 2100 });
    const read = rareListsRead(terms, df);
    expect(read).toEqual([]);
    expect(pairedTerms(terms, read, df).map((t) => t.lexeme)).toEqual(['quentaria', 'vellmar', 'shipments', 'doubled', 'officials']);
  });

  it('leaves out the words whose lists are read whole, and the other versions’ words', () => {
    const held: Record<string, number> = { quentaria: 3, vellmar: 610, doubled: 2100, ralh: 60 };
    const terms = [
      ...['quentaria', 'vellmar', 'doubled'].map((lexeme) => ({ lexeme, own: true })),
      { lexeme: 'ralh', own: false },
    ];
    const df = (term: { lexeme: string }) => held[term.lexeme];
    const read = rareListsRead(terms, df);
    expect(read.map((t) => t.lexeme)).toEqual(['quentaria', 'ralh']);
    expect(pairedTerms(terms, read, df).map((t) => t.lexeme)).toEqual(['vellmar', 'doubled']);
  });

  it('stops at six words, and before their lists hold more than 10,000 texts together', () => {
    const many = termsHeldBy({ a1: 500, a2: 600, a3: 700, a4: 800, a5: 900, a6: 1000, a7: 1100 });
    expect(pairedTerms(many.terms, [], many.df).map((t) => t.lexeme)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    const common = termsHeldBy({ officials: 9_000, said: 8_000, quentaria: 570 });
    expect(pairedTerms(common.terms, [], common.df).map((t) => t.lexeme)).toEqual(['quentaria', 'said']);
  });
});

describe("a candidate text's terms read from its tsvector's text", () => {
  it('gives the lexemes in order and how many positions each has', () => {
    expect(tsvectorTerms("'doubl':5 'port':8,12B 'quentaria':2,3,9A 'vellmar':7")).toEqual({
      lexemes: ['doubl', 'port', 'quentaria', 'vellmar'],
      tfs: [1, 2, 3, 1],
    });
  });

  it('counts a lexeme without positions once, as coalesce(array_length(positions, 1), 1) does', () => {
    expect(tsvectorTerms("'a' 'b':1")).toEqual({ lexemes: ['a', 'b'], tfs: [1, 1] });
  });

  it('reads doubled quotes and backslashes, spaces, colons and commas within a lexeme', () => {
    expect(tsvectorTerms("'it''s':1 'a b:c,d':2,3 'back\\\\slash':4 '''' 'end''':5")).toEqual({
      lexemes: ["it's", 'a b:c,d', 'back\\slash', "'", "end'"],
      tfs: [1, 2, 1, 1, 1],
    });
  });

  it('reads Arabic and Cyrillic lexemes, and an empty tsvector as no terms', () => {
    expect(tsvectorTerms("'بوتين':1 'путин':2")).toEqual({ lexemes: ['بوتين', 'путин'], tfs: [1, 1] });
    expect(tsvectorTerms('')).toEqual({ lexemes: [], tfs: [] });
  });

  it('refuses a text that is not a tsvector’s', () => {
    expect(() => tsvectorTerms('doubl:1')).toThrow(/Not a tsvector/);
    expect(() => tsvectorTerms("'doubl")).toThrow(/Unterminated/);
  });
});
