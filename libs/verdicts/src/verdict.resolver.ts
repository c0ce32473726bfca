import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, ConnectionType, GraphQLRequestContext, IdArgs, PageArgs } from '@isnad/common';
import { Claim, ClaimLoader } from '@isnad/claims';
import { toClaimReview } from './claim-review';
import {
  CorrectVerdictInput,
  CreateVerdictInput,
  UpdateVerdictInput,
  VerdictFilter,
  VerdictStepInput,
} from './dto/verdict.input';
import { Access, Actor, AuthLoader, CurrentActor, Organisation, Public, Role } from '@isnad/auth';
import { HttpGraphQLContext, VERDICTS_OPTIONS, VerdictsOptions, publicBaseUrl } from './public-url';
import { Rating } from './rating.entity';
import { VerdictStatus } from './verdict-status';
import { VerdictVersion } from './verdict-version.entity';
import { Verdict } from './verdict.entity';
import { VerdictLoader } from './verdict.loader';
import { VerdictsService } from './verdicts.service';

@ObjectType()
export class VerdictConnection extends ConnectionType(Verdict) {}

@Resolver(() => Verdict)
export class VerdictResolver {
  constructor(
    private readonly service: VerdictsService,
    private readonly loader: VerdictLoader,
    private readonly claimLoader: ClaimLoader,
    private readonly authLoader: AuthLoader,
    @Inject(VERDICTS_OPTIONS) private readonly options: VerdictsOptions,
  ) {}

  @Public()
  @Query(() => Verdict, { description: "NOT_FOUND if there is none with this id, or it is another organisation's unpublished one." })
  verdict(@Args() { id }: IdArgs, @CurrentActor() actor: Actor | null): Promise<Verdict> {
    return this.service.getVisible(id, actor);
  }

  @Public()
  @Query(() => VerdictConnection, {
    description: "Public verdicts, and your organisation's in any status; most recently changed first.",
  })
  verdicts(
    @Args() page: PageArgs,
    @CurrentActor() actor: Actor | null,
    @Args('filter', { nullable: true }) filter?: VerdictFilter,
  ): Promise<Connection<Verdict>> {
    return this.service.list(filter, page, actor);
  }

  @Access(Role.EDITOR)
  @Mutation(() => Verdict, { description: 'Starts a DRAFT verdict on a claim (the canonical one, after merges).' })
  createVerdict(@Args('input') input: CreateVerdictInput, @CurrentActor() actor: Actor): Promise<Verdict> {
    return this.service.create(input, actor);
  }

  @Access(Role.EDITOR)
  @Mutation(() => Verdict, { description: 'Edits a DRAFT or IN_REVIEW verdict. CONFLICT if expectedVersion is stale.' })
  updateVerdict(@Args('input') input: UpdateVerdictInput, @CurrentActor() actor: Actor): Promise<Verdict> {
    return this.service.update(input, actor);
  }

  @Access(Role.EDITOR)
  @Mutation(() => Verdict, { description: 'DRAFT → IN_REVIEW.' })
  submitVerdictForReview(@Args('input') input: VerdictStepInput, @CurrentActor() actor: Actor): Promise<Verdict> {
    return this.service.submitForReview(input, actor);
  }

  @Access(Role.EDITOR)
  @Mutation(() => Verdict, { description: 'IN_REVIEW → DRAFT, with the reviewer\'s note.' })
  returnVerdictToDraft(@Args('input') input: VerdictStepInput, @CurrentActor() actor: Actor): Promise<Verdict> {
    return this.service.returnToDraft(input, actor);
  }

  @Access(Role.EDITOR)
  @Mutation(() => Verdict, { description: 'IN_REVIEW → PUBLISHED; `by` names the reviewer (you, when not given).' })
  publishVerdict(@Args('input') input: VerdictStepInput, @CurrentActor() actor: Actor): Promise<Verdict> {
    return this.service.publish(input, actor);
  }

  @Access(Role.EDITOR)
  @Mutation(() => Verdict, { description: 'PUBLISHED/CORRECTED → CORRECTED: a new version with a public correction note.' })
  correctVerdict(@Args('input') input: CorrectVerdictInput, @CurrentActor() actor: Actor): Promise<Verdict> {
    return this.service.correct(input, actor);
  }

  @Access(Role.EDITOR)
  @Mutation(() => Verdict, { description: 'PUBLISHED/CORRECTED → RETRACTED, with a public note.' })
  retractVerdict(@Args('input') input: VerdictStepInput, @CurrentActor() actor: Actor): Promise<Verdict> {
    return this.service.retract(input, actor);
  }

  @Public()
  @ResolveField(() => Claim, { description: 'The canonical claim the verdict applies to (after merges).' })
  async claim(@Parent() verdict: Verdict, @Context() ctx: GraphQLRequestContext): Promise<Claim | null> {
    let claim = await this.claimLoader.byId(ctx).load(verdict.claimId);
    for (let hops = 0; claim?.mergedIntoId && hops < 10; hops++) claim = await this.claimLoader.byId(ctx).load(claim.mergedIntoId);
    return claim;
  }

  @Public()
  @ResolveField(() => Rating)
  rating(@Parent() verdict: Verdict, @Context() ctx: GraphQLRequestContext): Promise<Rating | null> {
    return this.loader.rating(ctx).load(verdict.ratingId);
  }

  @Public()
  @ResolveField(() => Organisation)
  organisation(@Parent() verdict: Verdict, @Context() ctx: GraphQLRequestContext): Promise<Organisation | null> {
    return this.authLoader.organisation(ctx).load(verdict.organisationId);
  }

  @Access(Role.VIEWER, { ownedBy: (verdict: Verdict) => verdict.organisationId })
  @ResolveField(() => [VerdictVersion], {
    description: "Every version, first to current. Your organisation's verdicts only: versions keep drafts and reviewers' notes.",
  })
  versions(@Parent() verdict: Verdict, @Context() ctx: GraphQLRequestContext): Promise<VerdictVersion[]> {
    return this.loader.versions(ctx).load(verdict.id);
  }

  @Public()
  @ResolveField(() => String, {
    nullable: true,
    description: 'The schema.org ClaimReview JSON-LD (a JSON string) of a PUBLISHED or CORRECTED verdict; null otherwise.',
  })
  async claimReview(@Parent() verdict: Verdict, @Context() ctx: HttpGraphQLContext): Promise<string | null> {
    if (!isReviewable(verdict)) return null;
    const bundle = await this.loader.bundle(ctx).load(verdict);
    return JSON.stringify(toClaimReview(bundle, publicBaseUrl(this.options, ctx.req)));
  }
}

/** Retracted verdicts keep their public record but no longer carry ClaimReview markup. */
export function isReviewable(verdict: Verdict): boolean {
  return verdict.status === VerdictStatus.PUBLISHED || verdict.status === VerdictStatus.CORRECTED;
}

