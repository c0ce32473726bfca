export * from './articles.module';
export * from './articles.service';
export * from './article.loader';
export * from './article.entity';
export * from './article-revision.entity';
export * from './article.resolver';
export * from './articles.errors';
export * from './entities';
