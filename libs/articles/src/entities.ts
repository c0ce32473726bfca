import { Article } from './article.entity';
import { ArticleRevision } from './article-revision.entity';

export const ARTICLE_ENTITIES = [Article, ArticleRevision];
