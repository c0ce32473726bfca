import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** One appearance on a claim's timeline. */
@ObjectType()
export class SpreadAppearance {
  @Field(() => ID)
  appearanceId: string;

  @Field(() => ID)
  articleId: string;

  @Field(() => ID)
  outletId: string;

  @Field({ description: "The article's publication time, or its first capture when the page gave none." })
  publishedAt: Date;

  @Field(() => [ID], { description: "Sources the appearance's chain cites, other than the outlet itself, origin first." })
  sourceIds: string[];
}

/** One outlet that carried the claim. */
@ObjectType()
export class SpreadOutlet {
  @Field(() => ID)
  outletId: string;

  @Field({ description: 'When this outlet first carried the claim.' })
  firstAppearedAt: Date;

  @Field(() => Int)
  appearanceCount: number;

  @Field(() => [ID], { description: 'Sources this outlet relayed for the claim, in order of first citation.' })
  relayedSourceIds: string[];
}

/** How a claim travelled: when and where it appeared, and who relayed whom. */
@ObjectType()
export class ClaimSpread {
  @Field(() => SpreadAppearance, { nullable: true, description: 'The earliest appearance (by publication time).' })
  firstAppearance: SpreadAppearance | null;

  @Field(() => [SpreadAppearance], { description: 'Every appearance, earliest publication first.' })
  timeline: SpreadAppearance[];

  @Field(() => [SpreadOutlet], { description: 'The outlets that carried it, in the order they first did.' })
  outlets: SpreadOutlet[];
}
