import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, IsLocale, IsNumber, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ClaimLinkDecision } from '../claim-link-review.entity';
import { ClaimTextKind } from '../claim-match-text.entity';
import { MatchReasonKind } from '../match-scoring';

registerEnumType(MatchReasonKind, {
  name: 'MatchReasonKind',
  valuesMap: {
    SHARED_PHRASE: { description: 'The longest run of words both texts share.' },
    SHARED_TERMS: { description: 'The rarest stemmed words both texts share.' },
    SHARED_NAMES: { description: 'Capitalised names of the text found in the claim.' },
    SHARED_NUMBERS: { description: 'Numbers both texts give.' },
    DIFFERENT_NUMBERS: { description: 'Both give numbers, none the same: the score was lowered.' },
    SIMILAR_WORDING: { description: 'Character trigram similarity of the two texts (value: 0..1).' },
    SIMILAR_MEANING: { description: 'Embedding cosine similarity (value: 0..1), when an encoder is configured.' },
    TRANSLATED_TERMS: { description: 'Words found through the word-by-word translation of the text (dictionary, place names).' },
    CONTRADICTS: { description: 'Same story, but a figure, a negation or a direction differs (the words concerned).' },
    ROLE_SWAP: {
      description:
        'Same story, but the same act (accusing, attacking, sanctioning, threatening, condemning) with its doer and target ' +
        'exchanged ("Israel accuses Hezbollah" against "Hezbollah accuses Israel"): "doer → target" as the text gives them, ' +
        "then as the claim does (English names; ? when a text leaves one out). The relation is CONTRADICTS.",
    },
    OTHER_EVENT: {
      description:
        'The texts report different kinds of event of one story ("vaccines delivered" against "cases recorded"): the word of each, ' +
        "the text's first. Not suggested as the same claim: the score was lowered below the threshold.",
    },
    OTHER_ACTOR: {
      description:
        'The same kind of event by other actors or elsewhere: the places and groups each text names and the other does not ' +
        "(the text's first, then the claim's; by their English names whatever the language, a spelling that may stand for " +
        'two places joined by "|"). Not suggested as the same claim: the score was lowered below the threshold.',
    },
  },
});

@ObjectType()
export class MatchReason {
  @Field(() => MatchReasonKind)
  kind: MatchReasonKind;

  @Field(() => [String], { description: 'The words, phrase, numbers or similarity concerned (search-key form).' })
  values: string[];
}

/** A suggested existing claim for a text. */
@ObjectType()
export class ClaimMatch {
  @Field(() => ID)
  claimId: string;

  @Field(() => Float, {
    description:
      'Calibrated probability (0..1) that the text states this claim; suggested from `threshold`. ' +
      'Cut to a quarter when the texts contradict each other; cut below the threshold for another event or other actors ' +
      '(reasons OTHER_EVENT, OTHER_ACTOR).',
  })
  score: number;

  @Field(() => Float, {
    description:
      'The score from which this match is suggested: the threshold of the model that scored it, chosen for 90 % precision on its dev data ' +
      '(suggestionThreshold for most texts; an Arabic text among ten or more Arabic candidates, or an English one scored with sentence vectors, has its model\'s own).',
  })
  threshold: number;

  @Field(() => ClaimLinkDecision, {
    description: 'SAME, or CONTRADICTS: the texts tell the same story but a figure, a negation, a direction or who did what to whom differs.',
  })
  relation: ClaimLinkDecision;

  @Field(() => ClaimTextKind, { description: 'Which of the claim\'s texts matched best.' })
  matchedKind: ClaimTextKind;

  @Field({ description: 'That text, in search-key form (normalised).' })
  matchedKey: string;

  @Field(() => String, { nullable: true })
  matchedLanguage: string | null;

  @Field(() => [MatchReason])
  reasons: MatchReason[];
}

@ArgsType()
export class ClaimMatchesArgs {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  text: string;

  @Field(() => String, { nullable: true, description: 'BCP 47 language of the text; detected when absent.' })
  @IsOptional()
  @IsLocale()
  language?: string;

  @Field(() => Int, { nullable: true, description: 'At most this many suggestions, 1 to 50 (default 5).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  first?: number;

  @Field(() => Float, { nullable: true, description: 'Lowest score returned; default the suggestion threshold.' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  minScore?: number;
}

@ArgsType()
export class MatchSuggestionsArgs {
  @Field(() => Int, { nullable: true, description: '1 to 20 (default 5).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  first?: number;
}
