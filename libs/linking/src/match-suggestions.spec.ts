import { ClaimTextKind } from './claim-match-text.entity';
import { RankedCandidate, SENTENCE_SUGGESTION_THRESHOLD, SUGGESTION_THRESHOLD, suggestionsOf } from './claim-matcher.service';
import { PairEvidence } from './match-features';
import { MatchReasonKind } from './match-scoring';

const [LOWER, HIGHER] = [SUGGESTION_THRESHOLD, SENTENCE_SUGGESTION_THRESHOLD].sort((a, b) => a - b);
const BETWEEN = (LOWER + HIGHER) / 2;

const EVIDENCE: PairEvidence = {
  bm25: 10,
  translated: false,
  queryCoverage: 0.8,
  candidateCoverage: 0.8,
  trigram: 0.6,
  sharedPhrase: [],
  phraseScore: 0,
  lightStemOverlap: 0.8,
  sharedNames: [],
  sharedHandles: [],
  sharedNumbers: [],
  differentNumbers: [],
  lengthRatio: 1,
  candidateIdfCoverage: 0.8,
  sharedTerms: [],
  contradiction: null,
  entitiesOnly: false,
  otherStory: null,
};

/** A candidate claim scored `probability` by a model whose suggestion threshold is `threshold`. */
function candidate(claimId: string, probability: number, threshold: number, evidence: Partial<PairEvidence> = {}): RankedCandidate {
  return {
    claimId,
    textId: `${claimId}-text`,
    kind: ClaimTextKind.STATEMENT,
    language: 'en',
    key: `claim ${claimId}`,
    features: [],
    evidence: { ...EVIDENCE, ...evidence },
    reasons: [],
    logit: probability,
    probability,
    threshold,
  };
}

describe('which scored claims are suggested', () => {
  it.each([
    ['the model with the lower threshold', LOWER, true],
    ['the model with the higher threshold', HIGHER, false],
  ])('suggests a score between the two thresholds only when %s scored it', (_model, threshold, suggested) => {
    const results = suggestionsOf([candidate('c1', BETWEEN, threshold)]);
    expect(results.map((r) => r.claimId)).toEqual(suggested ? ['c1'] : []);
  });

  it('returns every candidate, each with the threshold of its model, when asked for scores from 0', () => {
    const results = suggestionsOf([candidate('c1', BETWEEN, HIGHER), candidate('c2', 0.2, LOWER)], { minScore: 0 });
    expect(results.map((r) => [r.claimId, r.threshold])).toEqual([
      ['c1', HIGHER],
      ['c2', LOWER],
    ]);
  });

  it.each([LOWER, HIGHER])('cuts another story below the threshold of the model that scored it (%s), even when it was certain', (threshold) => {
    const otherStory = { kind: MatchReasonKind.OTHER_EVENT, values: ['delivered', 'recorded'] };
    const [result] = suggestionsOf([candidate('c1', 0.999, threshold, { otherStory })], { minScore: 0 });
    expect(result.score).toBeLessThan(threshold);
    expect(suggestionsOf([candidate('c1', 0.999, threshold, { otherStory })])).toEqual([]);
  });
});
