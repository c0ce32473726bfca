import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArticlesModule } from '@isnad/articles';
import { ClaimsModule } from '@isnad/claims';
import { OutletsModule } from '@isnad/outlets';
import { SourcesModule } from '@isnad/sources';
import { AppearanceVerdictResolver, ClaimVerdictsResolver } from './claim-verdicts.resolver';
import { ClaimReviewController } from './claim-review.controller';
import { VERDICT_ENTITIES } from './entities';
import { VERDICTS_OPTIONS, VerdictsOptions } from './public-url';
import { RatingResolver, RatingScaleResolver } from './rating-scale.resolver';
import { RatingScalesService } from './rating-scales.service';
import { VerdictBundleService } from './verdict-bundle.service';
import { VerdictLoader } from './verdict.loader';
import { VerdictOutboxService } from './verdict-outbox.service';
import { VerdictEventsBus } from './verdict-events.bus';
import { PublicPageCache } from './public-page-cache';
import { PublicPageCachePlugin } from './public-page-cache.plugin';
import { PublicPageMiddleware } from './public-page.middleware';
import { VerdictSubscriptionResolver } from './verdict-subscription.resolver';
import { VerdictResolver } from './verdict.resolver';
import { VerdictsService } from './verdicts.service';

/** Rating scales, verdicts and their review workflow, ClaimReview markup. */
@Module({})
export class VerdictsModule implements NestModule {
  static forRoot(options: VerdictsOptions): DynamicModule {
    const optionsProvider = { provide: VERDICTS_OPTIONS, useValue: options };
    return {
      module: VerdictsModule,
      global: true,
      imports: [TypeOrmModule.forFeature(VERDICT_ENTITIES), ClaimsModule, ArticlesModule, OutletsModule, SourcesModule],
      controllers: [ClaimReviewController],
      providers: [
        optionsProvider,
        RatingScalesService,
        VerdictsService,
        VerdictOutboxService,
        VerdictEventsBus,
        PublicPageCache,
        PublicPageCachePlugin,
        PublicPageMiddleware,
        VerdictSubscriptionResolver,
        VerdictBundleService,
        VerdictLoader,
        VerdictResolver,
        RatingScaleResolver,
        RatingResolver,
        ClaimVerdictsResolver,
        AppearanceVerdictResolver,
      ],
      exports: [optionsProvider, RatingScalesService, VerdictsService, VerdictOutboxService, VerdictBundleService, VerdictLoader, PublicPageCache, PublicPageMiddleware],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Public pages served from the cache; FeedsController and ClaimReviewController fill it.
    consumer
      .apply(PublicPageMiddleware)
      .forRoutes(
        { path: 'feeds/{*path}', method: RequestMethod.GET },
        { path: 'claim-reviews/{*path}', method: RequestMethod.GET },
        { path: 'verdicts/{*path}', method: RequestMethod.GET },
      );
  }
}
