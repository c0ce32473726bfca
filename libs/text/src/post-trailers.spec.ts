import { withoutPostTrailers } from './post-trailers';

const squeeze = (text: string) => withoutPostTrailers(text).replace(/\s+/gu, ' ').trim();

describe('withoutPostTrailers: what an embedded tweet states, without its signature and links', () => {
  it.each([
    ['No Collusion, No Obstruction, Complete and Total EXONERATION. — Donald J. Trump (@realDonaldTrump) March 24, 2019', 'No Collusion, No Obstruction, Complete and Total EXONERATION.'],
    // Links glued to each other, and the signature glued to the text (no space before the dash).
    ['Vaping CAN cause cancer. https://t.co/dFIpTwVNeWpic.twitter.com/99MkGL0p83 — Deborah Gilboa, MD (@AskDocG) March 5, 2018', 'Vaping CAN cause cancer.'],
    ['Not taking future kids— Alec Baer (@alecb22) July 27, 2016', 'Not taking future kids'],
    ['They should arrest @FERC because #fercdoesntworkpic.twitter.com/TfnWtSocAF — Popular Resistance (@PopResistance) November 3, 2014', 'They should arrest @FERC because #fercdoesntwork'],
    // A quote tweet: both signatures go, the words between them stay.
    ['Right? https://t.co/UewkblF8Oo — Marco Rubio (@marcorubio) July 25, 2019 Senator @marcorubio will you delete this tweet? — Mehdi Hasan (@mehdirhasan) July 25, 2019', 'Right? Senator @marcorubio will you delete this tweet?'],
  ])('%s', (text, stated) => {
    expect(squeeze(text)).toBe(stated);
  });

  it('keeps a dash, a handle or a date that is no signature', () => {
    const text = 'Ceasefire from March 24, 2019 — the army (@IDF) says it holds; خرق الهدنة — @AJArabic';
    expect(withoutPostTrailers(text)).toBe(text);
  });
});
