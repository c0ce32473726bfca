import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

/**
 * A repeat of a rated claim as alerts carry it (subscription, webhook, Atom feed): only what is
 * public already (the published verdict, the article's URL and the sentence it printed).
 */
@ObjectType()
export class ClaimRepeatAlert {
  @Field(() => ID)
  repeatId: string;

  @Field(() => ID)
  organisationId: string;

  @Field(() => ID)
  claimId: string;

  @Field()
  claimStatement: string;

  @Field(() => ID, { nullable: true, description: 'Null when only another organisation checked the claim (see reviewedBy).' })
  verdictId: string | null;

  @Field({ description: 'The rating key of the published verdict (FALSE, MISLEADING ...), or the other organisation\'s own rating text as given.' })
  rating: string;

  @Field(() => String, { nullable: true, description: 'Already checked by another organisation: its name, when the repeat is of its review.' })
  reviewedBy: string | null;

  @Field(() => String, { nullable: true, description: 'The other organisation\'s review URL, when the repeat is of its review.' })
  reviewUrl: string | null;

  @Field(() => ID)
  articleId: string;

  @Field()
  articleUrl: string;

  @Field(() => String, { nullable: true, description: 'When the article is a republished copy: the original\'s URL.' })
  originalArticleUrl: string | null;

  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;

  @Field()
  exact: string;

  @Field(() => Float)
  score: number;

  @Field()
  foundAt: Date;
}
