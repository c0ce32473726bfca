import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArticlesModule } from '@isnad/articles';
import { ClaimsModule } from '@isnad/claims';
import { ArticleCopyLinkResolver, ArticleRepublicationResolver, SuggestedAppearanceResolver } from './article-republication.resolver';
import { AppearanceSuggestionsResolver, ClaimLinkingResolver, ClaimMatchResolver } from './claim-match.resolver';
import { ClaimLinksService } from './claim-links.service';
import { ClaimMatcherService } from './claim-matcher.service';
import { EMBEDDING_ENCODER, embeddingEncoderFor } from './embedding-encoder';
import { LINKING_ENTITIES } from './entities';
import { DEFAULT_LINKING_CONFIG, LINKING_CONFIG, LinkingConfig } from './linking.config';
import { LinkingLoader } from './linking.loader';
import { RepublicationService } from './republication.service';

/** Cross-outlet claim linking: matching, translations, reviewed links, republished copies. */
@Module({})
export class LinkingModule {
  static forRoot(config: LinkingConfig = DEFAULT_LINKING_CONFIG): DynamicModule {
    return {
      module: LinkingModule,
      imports: [TypeOrmModule.forFeature(LINKING_ENTITIES), ClaimsModule, ArticlesModule],
      providers: [
        { provide: LINKING_CONFIG, useValue: config },
        { provide: EMBEDDING_ENCODER, useValue: embeddingEncoderFor(config) },
        ClaimMatcherService,
        ClaimLinksService,
        LinkingLoader,
        ClaimMatchResolver,
        ClaimLinkingResolver,
        AppearanceSuggestionsResolver,
        RepublicationService,
        ArticleRepublicationResolver,
        ArticleCopyLinkResolver,
        SuggestedAppearanceResolver,
      ],
      exports: [ClaimMatcherService, ClaimLinksService, RepublicationService],
    };
  }
}
