import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArticlesModule } from '@isnad/articles';
import { ClaimsModule } from '@isnad/claims';
import { LinkingModule } from '@isnad/linking';
import { OutletsModule } from '@isnad/outlets';
import {
  ClaimExternalReviewsResolver,
  ClaimMatchExternalReviewsResolver,
  ClaimRepeatExternalReviewsResolver,
  ClaimReviewsResolver,
  ExternalReviewLoader,
} from './claim-reviews.resolver';
import { ClaimReviewsService } from './claim-reviews.service';
import { MONITORING_ENTITIES } from './entities';
import {
  ClaimRepeatResolver,
  ClaimRepeatsFieldResolver,
  PageFetchResolver,
  RepeatFeedKeyResolver,
  RevisionFetchResolver,
  UrlCaptureResolver,
  WatchResolver,
} from './monitoring.resolver';
import { DEFAULT_MONITORING_OPTIONS, MONITORING_OPTIONS, MonitoringOptions } from './monitoring.options';
import { MonitoringWorker } from './monitoring.worker';
import { PageFetcher } from './page-fetcher';
import { RepeatEventsBus } from './repeat-events.bus';
import { RepeatFeedAccessService } from './repeat-feed-access.service';
import { RepeatsFeedController } from './repeats-feed.controller';
import { RepeatsService } from './repeats.service';
import { UrlCaptureService } from './url-capture.service';
import { WatchesService } from './watches.service';

/**
 * Watching outlets: capture from a URL (a careful crawler behind the shared egress guard), feeds
 * polled as durable jobs, and repeats of rated claims found in every capture.
 */
@Module({})
export class MonitoringModule {
  /**
   * `linking` is the application's own LinkingModule.forRoot(...) result: importing that very object
   * shares its one instance (a second forRoot would make a second matcher and republication detector).
   */
  static forRoot(options: Partial<MonitoringOptions> = {}, redisUrl: string | null = null, linking: DynamicModule = LinkingModule.forRoot()): DynamicModule {
    return {
      module: MonitoringModule,
      imports: [TypeOrmModule.forFeature(MONITORING_ENTITIES), ArticlesModule, ClaimsModule, OutletsModule, linking],
      controllers: [RepeatsFeedController],
      providers: [
        { provide: MONITORING_OPTIONS, useValue: { ...DEFAULT_MONITORING_OPTIONS, ...options, redisUrl } },
        { provide: RepeatEventsBus, useFactory: () => new RepeatEventsBus(redisUrl) },
        PageFetcher,
        UrlCaptureService,
        WatchesService,
        RepeatsService,
        ClaimReviewsService,
        RepeatFeedAccessService,
        RepeatFeedKeyResolver,
        ExternalReviewLoader,
        MonitoringWorker,
        UrlCaptureResolver,
        PageFetchResolver,
        RevisionFetchResolver,
        WatchResolver,
        ClaimRepeatResolver,
        ClaimRepeatsFieldResolver,
        ClaimReviewsResolver,
        ClaimExternalReviewsResolver,
        ClaimMatchExternalReviewsResolver,
        ClaimRepeatExternalReviewsResolver,
      ],
      exports: [UrlCaptureService, WatchesService, RepeatsService, ClaimReviewsService, MonitoringWorker],
    };
  }
}
