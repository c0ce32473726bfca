import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutletsModule } from '@isnad/outlets';
import { ArticleLoader } from './article.loader';
import { ArticleResolver } from './article.resolver';
import { ArticlesService } from './articles.service';
import { OutletArticlesResolver } from './outlet-articles.resolver';
import { ARTICLE_ENTITIES } from './entities';

@Module({
  imports: [TypeOrmModule.forFeature(ARTICLE_ENTITIES), OutletsModule],
  providers: [ArticlesService, ArticleLoader, ArticleResolver, OutletArticlesResolver],
  exports: [ArticlesService, ArticleLoader],
})
export class ArticlesModule {}
