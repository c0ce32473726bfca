import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArticleRevision } from '../article-revision.entity';
import { Article } from '../article.entity';

export enum CaptureStatus {
  CREATED = 'CREATED',
  REVISED = 'REVISED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(CaptureStatus, {
  name: 'CaptureStatus',
  valuesMap: {
    CREATED: { description: 'First capture of this URL.' },
    REVISED: { description: 'The URL was known and its text changed: a new revision was added.' },
    UNCHANGED: { description: 'The URL was known and its text is the same as the latest revision.' },
  },
});

@ObjectType()
export class CaptureArticlePayload {
  @Field(() => Article)
  article: Article;

  @Field(() => ArticleRevision, { description: 'The revision holding the captured text.' })
  revision: ArticleRevision;

  @Field(() => CaptureStatus)
  status: CaptureStatus;
}
