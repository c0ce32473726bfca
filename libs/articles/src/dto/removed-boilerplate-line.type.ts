import { Field, ObjectType } from '@nestjs/graphql';

/** A line capture dropped as page furniture (comment form, share bar, repeated title ...). */
@ObjectType()
export class RemovedBoilerplateLine {
  @Field({ description: 'comment-form, comment-counter, share, read-also, copyright, repeated-title ...' })
  kind: string;

  @Field()
  line: string;
}
