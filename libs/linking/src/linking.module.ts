import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArticlesModule } from '@isnad/articles';
import { ClaimsModule } from '@isnad/claims';
import { OutletsModule } from '@isnad/outlets';
import { SourcesModule } from '@isnad/sources';
import {
  ArticleCopyLinkResolver,
  ArticleRepublicationResolver,
  CopiedClaimsResolver,
  SuggestedAppearanceResolver,
} from './article-republication.resolver';
import { CopiedClaimsService } from './copied-claims.service';
import { AppearanceSuggestionsResolver, ClaimLinkingResolver, ClaimMatchResolver } from './claim-match.resolver';
import { ClaimLinksService } from './claim-links.service';
import { ClaimEmbeddingsService } from './claim-embeddings.service';
import { ClaimEmbeddingsWorker } from './claim-embeddings.worker';
import { ClaimMatcherService } from './claim-matcher.service';
import { CrossLanguageLexicon } from './cross-language';
import { MatchStatisticsService } from './match-statistics.service';
import { EMBEDDING_ENCODER, embeddingEncoderFor } from './embedding-encoder';
import { LINKING_ENTITIES } from './entities';
import { DEFAULT_LINKING_CONFIG, LINKING_CONFIG, LinkingConfig } from './linking.config';
import { LinkingLoader } from './linking.loader';
import { RepublicationService } from './republication.service';
import { SpreadService } from './spread.service';
import {
  ClaimSpreadResolver,
  OutletFalseClaimsResolver,
  SourceFalseClaimsResolver,
  SpreadAppearanceResolver,
  SpreadOutletResolver,
} from './claim-spread.resolver';

/** Cross-outlet claim linking: matching, translations, reviewed links, republished copies, spread. */
@Module({})
export class LinkingModule {
  static forRoot(config: LinkingConfig = DEFAULT_LINKING_CONFIG): DynamicModule {
    return {
      module: LinkingModule,
      imports: [TypeOrmModule.forFeature(LINKING_ENTITIES), ClaimsModule, ArticlesModule, OutletsModule, SourcesModule],
      providers: [
        { provide: LINKING_CONFIG, useValue: config },
        { provide: EMBEDDING_ENCODER, useValue: embeddingEncoderFor(config) },
        MatchStatisticsService,
        CrossLanguageLexicon,
        ClaimEmbeddingsService,
        ClaimEmbeddingsWorker,
        ClaimMatcherService,
        ClaimLinksService,
        LinkingLoader,
        ClaimMatchResolver,
        ClaimLinkingResolver,
        AppearanceSuggestionsResolver,
        RepublicationService,
        ArticleRepublicationResolver,
        CopiedClaimsService,
        CopiedClaimsResolver,
        ArticleCopyLinkResolver,
        SuggestedAppearanceResolver,
        SpreadService,
        ClaimSpreadResolver,
        SpreadAppearanceResolver,
        SpreadOutletResolver,
        OutletFalseClaimsResolver,
        SourceFalseClaimsResolver,
      ],
      exports: [ClaimMatcherService, ClaimLinksService, RepublicationService, CopiedClaimsService],
    };
  }
}
