import { Field, Int, ObjectType } from '@nestjs/graphql';

/** A span located in a text: W3C TextPositionSelector plus TextQuoteSelector. */
@ObjectType()
export class TextAnchorType {
  @Field(() => Int, { description: 'Start, in Unicode code points of the NFC text.' })
  start: number;

  @Field(() => Int, { description: 'End (exclusive), in Unicode code points.' })
  end: number;

  @Field()
  exact: string;

  @Field()
  prefix: string;

  @Field()
  suffix: string;
}

@ObjectType()
export class LatestRevisionAnchor {
  @Field(() => Int, { description: 'The revision the anchor was looked for in.' })
  revisionNumber: number;

  @Field(() => TextAnchorType, { nullable: true, description: 'Null when the quote is no longer in that text.' })
  anchor: TextAnchorType | null;
}
