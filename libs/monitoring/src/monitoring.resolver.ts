import { Inject } from '@nestjs/common';
import { Args, Context, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Article, ArticleLoader, ArticleRevision } from '@isnad/articles';
import { Access, Actor, CurrentActor, Role } from '@isnad/auth';
import { Claim, ClaimLoader } from '@isnad/claims';
import { Connection, ConnectionType, ForbiddenError, GraphQLRequestContext, IdArgs, PageArgs } from '@isnad/common';
import { VERDICTS_OPTIONS, Verdict, VerdictLoader, VerdictsOptions, publicBaseUrl } from '@isnad/verdicts';
import { ClaimRepeat } from './claim-repeat.entity';
import { ClaimRepeatAlert } from './dto/claim-repeat-alert.type';
import { CaptureArticleFromUrlInput } from './dto/capture-url.input';
import { RepeatFilter } from './dto/repeat.filter';
import { WatchFeedInput } from './dto/watch-feed.input';
import { HttpHeader, PageFetch } from './page-fetch.entity';
import { RepeatEventsBus } from './repeat-events.bus';
import { RepeatFeedAccessService } from './repeat-feed-access.service';
import { RepeatsService } from './repeats.service';
import { UrlCaptureService } from './url-capture.service';
import { Watch } from './watch.entity';
import { WatchesService } from './watches.service';
import { CaptureArticleFromUrlPayload } from './dto/capture-url.payload';

@ObjectType()
export class ClaimRepeatConnection extends ConnectionType(ClaimRepeat) {}

@ObjectType()
export class RepeatCount {
  @Field({ description: 'A day, YYYY-MM-DD (UTC).' })
  day: string;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class RepeatPusher {
  @Field({ description: 'OUTLET (the article\'s) or SOURCE (named in the sentence\'s chain).' })
  kind: string;

  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Repeats after the verdict was published.' })
  count: number;
}

@Resolver()
export class UrlCaptureResolver {
  constructor(private readonly capture: UrlCaptureService) {}

  @Access(Role.ANNOTATOR)
  @Mutation(() => CaptureArticleFromUrlPayload, {
    description: 'Fetches the page at a URL and captures it (FETCH_FAILED with a reason when it cannot be fetched).',
  })
  captureArticleFromUrl(@Args('input') input: CaptureArticleFromUrlInput): Promise<CaptureArticleFromUrlPayload> {
    return this.capture.capture(input.url, input.outletId);
  }
}

@Access(Role.VIEWER)
@Resolver(() => PageFetch)
export class PageFetchResolver {
  @ResolveField(() => [HttpHeader], { description: 'The response headers as received.' })
  headers(@Parent() fetch: PageFetch): HttpHeader[] {
    return Object.entries(fetch.headers).map(([name, value]) => ({ name, value }));
  }

  @ResolveField(() => Boolean, { description: 'Whether the bytes are kept (fetches that made a new revision).' })
  bodyKept(@Parent() fetch: PageFetch): boolean {
    return fetch.body !== null;
  }
}

@Access(Role.VIEWER)
@Resolver(() => ArticleRevision)
export class RevisionFetchResolver {
  constructor(private readonly capture: UrlCaptureService) {}

  @ResolveField(() => PageFetch, { nullable: true, description: 'The fetch by Isnad that produced this revision, if it was fetched.' })
  async fetch(@Parent() revision: ArticleRevision): Promise<PageFetch | null> {
    const fetches = await this.capture.fetchesOfRevisions([revision.id]);
    return fetches.find((f) => f.body !== null) ?? fetches[0] ?? null;
  }
}

@Resolver(() => Watch)
export class WatchResolver {
  constructor(private readonly service: WatchesService) {}

  @Access(Role.VIEWER)
  @Query(() => [Watch], { description: 'Your organisation\'s watches, oldest first.' })
  watches(@CurrentActor() actor: Actor): Promise<Watch[]> {
    return this.service.list(actor);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => Watch, { description: 'Watches a feed (RSS, Atom, JSON Feed, news sitemap): polled at once, then every everyMinutes.' })
  watchFeed(@Args('input') input: WatchFeedInput, @CurrentActor() actor: Actor): Promise<Watch> {
    return this.service.watch(input, actor);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => Watch)
  pauseWatch(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Watch> {
    return this.service.pause(id, actor);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => Watch, { description: 'Resumes a paused watch; it is polled at once.' })
  resumeWatch(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Watch> {
    return this.service.resume(id, actor);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => Watch, { description: 'Stops watching; articles already captured stay.' })
  deleteWatch(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Watch> {
    return this.service.delete(id, actor);
  }
}

@Access(Role.VIEWER)
@Resolver(() => ClaimRepeat)
export class ClaimRepeatResolver {
  constructor(
    private readonly service: RepeatsService,
    private readonly bus: RepeatEventsBus,
    private readonly articleLoader: ArticleLoader,
    private readonly claimLoader: ClaimLoader,
    private readonly verdictLoader: VerdictLoader,
  ) {}

  @Query(() => ClaimRepeatConnection, { description: 'Repeats of claims your organisation rated, newest first.' })
  repeats(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: RepeatFilter,
  ): Promise<Connection<ClaimRepeat>> {
    return this.service.list(filter, page, actor);
  }

  @Query(() => [RepeatPusher], {
    description: 'Who keeps pushing it: outlets and sources by repeats of claims you rated `rating` (default FALSE) after the verdict.',
  })
  repeatPushers(@CurrentActor() actor: Actor, @Args('rating', { nullable: true, defaultValue: 'FALSE' }) rating: string): Promise<RepeatPusher[]> {
    return this.service.pushers(rating, actor);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => ClaimRepeat, { description: 'Confirms a repeat: the span is filed as an appearance of the claim, with its chain.' })
  confirmRepeat(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<ClaimRepeat> {
    return this.service.confirm(id, actor);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => ClaimRepeat, { description: 'Dismisses a repeat: never raised again for this span.' })
  dismissRepeat(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<ClaimRepeat> {
    return this.service.dismiss(id, actor);
  }

  @Subscription(() => ClaimRepeatAlert, {
    description:
      'Each repeat of a claim your organisation rated (or imported another organisation\'s review of), as it is found; over graphql-ws. ' +
      'VIEWER and up, your own organisation only (organisationId, if given, must be yours).',
    filter: (alert: ClaimRepeatAlert, _args: unknown, ctx: { actor?: Actor | null }) => alert.organisationId === ctx.actor?.organisationId,
    resolve: (alert: ClaimRepeatAlert) => ({ ...alert, foundAt: new Date(alert.foundAt) }),
  })
  claimRepeated(
    @CurrentActor() actor: Actor,
    @Args('organisationId', { type: () => ID, nullable: true }) organisationId?: string,
  ): AsyncIterableIterator<ClaimRepeatAlert> {
    if (organisationId && organisationId !== actor.organisationId) {
      throw new ForbiddenError("Another organisation's repeats are not yours to follow", { field: 'organisationId' });
    }
    return this.bus.iterator();
  }

  @ResolveField(() => Article)
  article(@Parent() repeat: ClaimRepeat, @Context() ctx: GraphQLRequestContext): Promise<Article | null> {
    return this.articleLoader.byId(ctx).load(repeat.articleId);
  }

  @ResolveField(() => Claim)
  claim(@Parent() repeat: ClaimRepeat, @Context() ctx: GraphQLRequestContext): Promise<Claim | null> {
    return this.claimLoader.byId(ctx).load(repeat.claimId);
  }

  @ResolveField(() => Verdict, { nullable: true, description: 'The published verdict the repeat was found against; null when only another organisation checked the claim (see externalReviews).' })
  verdict(@Parent() repeat: ClaimRepeat, @Context() ctx: GraphQLRequestContext): Promise<Verdict | null> | null {
    return repeat.verdictId ? this.verdictLoader.byId(ctx).load(repeat.verdictId) : null;
  }

  @ResolveField(() => Article, { nullable: true, description: 'The original the article copies, when it is a republished copy.' })
  originalArticle(@Parent() repeat: ClaimRepeat, @Context() ctx: GraphQLRequestContext): Promise<Article | null> | null {
    return repeat.originalArticleId ? this.articleLoader.byId(ctx).load(repeat.originalArticleId) : null;
  }

  @ResolveField(() => ClaimRepeatAlert, { description: 'The repeat as alerts carry it (claim statement, rating, URLs).' })
  async alert(@Parent() repeat: ClaimRepeat): Promise<ClaimRepeatAlert> {
    const [alert] = await this.service.alertsFor([repeat]);
    return alert;
  }
}

@ObjectType()
export class RepeatFeedLink {
  @Field({ description: 'The repeats Atom feed with the key in it, for feed readers that cannot send an Authorization header. Shown once.' })
  url: string;

  @Field()
  createdAt: Date;
}

@Resolver()
export class RepeatFeedKeyResolver {
  constructor(
    private readonly access: RepeatFeedAccessService,
    @Inject(VERDICTS_OPTIONS) private readonly options: VerdictsOptions,
  ) {}

  @Access(Role.ADMIN)
  @Mutation(() => RepeatFeedLink, { description: 'Makes a new key for your organisation\'s repeats Atom feed; the previous key stops working.' })
  async createRepeatFeedKey(@CurrentActor() actor: Actor, @Context() ctx: GraphQLRequestContext & { req?: Parameters<typeof publicBaseUrl>[1] }): Promise<RepeatFeedLink> {
    const { key, createdAt } = await this.access.rotate(actor);
    const url = `${publicBaseUrl(this.options, ctx.req)}/feeds/organisations/${actor.organisationId}/repeats.atom?key=${key}`;
    return { url, createdAt };
  }

  @Access(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Revokes your organisation\'s repeats feed key: feed readers using it are refused. True when there was one.' })
  revokeRepeatFeedKey(@CurrentActor() actor: Actor): Promise<boolean> {
    return this.access.revoke(actor);
  }
}

@Access(Role.VIEWER)
@Resolver(() => Claim)
export class ClaimRepeatsFieldResolver {
  constructor(private readonly service: RepeatsService) {}

  @ResolveField(() => [RepeatCount], { description: 'Repeats of this claim your organisation was alerted to, per day.' })
  repeats(@Parent() claim: Claim, @CurrentActor() actor: Actor): Promise<RepeatCount[]> {
    return this.service.trend(claim.id, actor);
  }
}
