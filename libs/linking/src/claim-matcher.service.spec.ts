import { rareListsRead } from './claim-matcher.service';

/** Search terms as the first stage gets them, with the number of texts holding each. */
const termsHeldBy = (held: Record<string, number>) => ({
  terms: Object.keys(held).map((lexeme) => ({ lexeme, weight: 1 })),
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
});
