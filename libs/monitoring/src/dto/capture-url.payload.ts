import { Field, ObjectType } from '@nestjs/graphql';
import { CaptureArticlePayload } from '@isnad/articles';
import { PageFetch } from '../page-fetch.entity';

@ObjectType()
export class CaptureArticleFromUrlPayload extends CaptureArticlePayload {
  @Field(() => PageFetch, { description: 'The fetch, kept as evidence with the revision.' })
  fetch: PageFetch;
}
