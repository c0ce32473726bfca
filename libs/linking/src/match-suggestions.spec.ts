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

describe('which candidates the rules are read for', () => {
  /** `candidate` of the usual model (threshold SUGGESTION_THRESHOLD, 0.573), counting how often its evidence (what the rules say) is read. */
  function counted(claimId: string, probability: number, evidence: Partial<PairEvidence> = {}) {
    const reads = { count: 0 };
    const c = candidate(claimId, probability, SUGGESTION_THRESHOLD, evidence);
    const judged = c.evidence;
    Object.defineProperty(c, 'evidence', { get: () => (reads.count++, judged) });
    return { c, reads };
  }

  it('offers the next claim when the most probable one contradicts the text, in the order of the cut scores', () => {
    const contradiction = { kind: MatchReasonKind.CONTRADICTS, values: ['rose', 'fell'] };
    const pool = [counted('c1', 0.95, { contradiction }), counted('c2', 0.9), counted('c3', 0.2), counted('c4', 0.1)];
    const results = suggestionsOf(pool.map((p) => p.c), { first: 2, minScore: 0 });
    expect(results.map((r) => [r.claimId, r.relation])).toEqual([
      ['c2', 'SAME'],
      ['c1', 'CONTRADICTS'],
    ]);
    // c1 cut to 0.95 × 0.25 still outranks c3 and c4 (0.2 and 0.1 at most): neither is judged.
    expect(pool.map((p) => p.reads.count > 0)).toEqual([true, true, false, false]);
  });

  it('judges only the candidates that reach the threshold, for the default suggestions', () => {
    const pool = [counted('c1', 0.99), ...Array.from({ length: 50 }, (_, i) => counted(`d${i}`, LOWER / 2))];
    expect(suggestionsOf(pool.map((p) => p.c)).map((r) => r.claimId)).toEqual(['c1']);
    expect(pool.filter((p) => p.reads.count > 0).map((p) => p.c.claimId)).toEqual(['c1']);
  });

  it('judges further down while a cut score leaves room for the next candidates', () => {
    const otherStory = { kind: MatchReasonKind.OTHER_ACTOR, values: ['gaza', 'beirut'] };
    const pool = [counted('c1', 0.9, { otherStory }), counted('c2', 0.8, { otherStory }), counted('c3', 0.42), counted('c4', 0.05)];
    const results = suggestionsOf(pool.map((p) => p.c), { first: 2, minScore: 0 });
    // Cut below the threshold (to 0.45 and 0.4), c1 and c2 leave room for c3 (0.42), which passes c2, not for c4 (0.05).
    expect(results.map((r) => r.claimId)).toEqual(['c1', 'c3']);
    expect(pool.map((p) => p.reads.count > 0)).toEqual([true, true, true, false]);
  });
});
