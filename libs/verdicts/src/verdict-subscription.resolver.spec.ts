import { VerdictStatus } from './verdict-status';
import { matchesVerdictFilter } from './verdict-subscription.resolver';

describe('verdictPublished filters', () => {
  const message = {
    verdictId: 'v',
    organisationId: 'org',
    claimId: 'claim',
    language: 'ar-SY',
    ratingKey: 'FALSE',
    status: VerdictStatus.PUBLISHED,
    version: 3,
  };

  it.each([
    [{}, true],
    [{ language: 'ar' }, true],
    [{ language: 'ar-SY', rating: 'FALSE', claimId: 'claim', organisationId: 'org' }, true],
    [{ language: 'en' }, false],
    [{ language: 'a' }, false],
    [{ rating: 'TRUE' }, false],
    [{ claimId: 'other' }, false],
    [{ organisationId: 'other' }, false],
  ])('%j matches: %s', (filter, expected) => {
    expect(matchesVerdictFilter(message, filter)).toBe(expected);
  });
});
