import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutletsModule } from '@isnad/outlets';
import { TextWorkerPool } from '@isnad/text';
import { ArticleLoader } from './article.loader';
import { ArticleResolver } from './article.resolver';
import { ArticlesService } from './articles.service';
import { OutletArticlesResolver } from './outlet-articles.resolver';
import { ARTICLE_ENTITIES } from './entities';

@Module({
  imports: [TypeOrmModule.forFeature(ARTICLE_ENTITIES), OutletsModule],
  providers: [
    ArticlesService,
    ArticleLoader,
    ArticleResolver,
    OutletArticlesResolver,
    // One pool for the API: page capture here, candidate extraction in the claims library.
    { provide: TextWorkerPool, useFactory: () => new TextWorkerPool() },
  ],
  exports: [ArticlesService, ArticleLoader, TextWorkerPool],
})
export class ArticlesModule {}
