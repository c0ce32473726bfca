import { OriginalHop, copiedChain } from './copied-appearances';

const SEED_CHAIN: OriginalHop[] = [
  { sourceId: 'informed', sourceOutletId: null, relation: 'ORIGIN', cue: 'مصدر مطلع' },
  { sourceId: 'sputnik-source', sourceOutletId: 'sputnik', relation: 'RELAYED', cue: 'بحسب سبوتنيك' },
  { sourceId: 'syrian-site-source', sourceOutletId: 'syrian-site', relation: 'REPUBLISHED', cue: null },
];

describe("a claim's chain carried over to a copy", () => {
  it('goes on from the original chain to the copying site', () => {
    expect(copiedChain(SEED_CHAIN, 'syrian-site', 'copier', null)).toEqual([
      { sourceId: 'informed', relation: 'ORIGIN', cue: 'مصدر مطلع' },
      { sourceId: 'sputnik-source', relation: 'RELAYED', cue: 'بحسب سبوتنيك' },
      { sourceId: 'syrian-site-source', relation: 'REPUBLISHED', cue: undefined },
      { outletId: 'copier', relation: 'REPUBLISHED' },
    ]);
  });

  it('goes through the outlet the copy credits when that outlet is on the chain', () => {
    expect(copiedChain(SEED_CHAIN, 'syrian-site', 'copier', { outletId: 'sputnik', cue: 'المصدر: سبوتنيك' }).map((h) => h.sourceId ?? h.outletId)).toEqual([
      'informed',
      'sputnik-source',
      'copier',
    ]);
  });

  it('adds a credited outlet that is not on the chain as a relay', () => {
    expect(copiedChain(SEED_CHAIN, 'syrian-site', 'copier', { outletId: 'reuters', cue: 'نقلاً عن رويترز' }).slice(-2)).toEqual([
      { outletId: 'reuters', relation: 'RELAYED', cue: 'نقلاً عن رويترز' },
      { outletId: 'copier', relation: 'REPUBLISHED' },
    ]);
  });

  it("starts from the original outlet when the original appearance had no chain", () => {
    expect(copiedChain([], 'syrian-site', 'copier', null)).toEqual([
      { outletId: 'syrian-site', relation: 'ORIGIN' },
      { outletId: 'copier', relation: 'REPUBLISHED' },
    ]);
  });
});
