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
import { Organisation } from './organisation.entity';
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
    @Inject(VERDICTS_OPTIONS) private readonly options: VerdictsOptions,
  ) {}

  @Query(() => Verdict, { description: 'NOT_FOUND if there is none with this id.' })
  verdict(@Args() { id }: IdArgs): Promise<Verdict> {
    return this.service.get(id);
  }

  @Query(() => VerdictConnection, { description: 'Verdicts in any status, most recently changed first.' })
  verdicts(@Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: VerdictFilter): Promise<Connection<Verdict>> {
    return this.service.list(filter, page);
  }

  @Mutation(() => Verdict, { description: 'Starts a DRAFT verdict on a claim (the canonical one, after merges).' })
  createVerdict(@Args('input') input: CreateVerdictInput): Promise<Verdict> {
    return this.service.create(input);
  }

  @Mutation(() => Verdict, { description: 'Edits a DRAFT or IN_REVIEW verdict. CONFLICT if expectedVersion is stale.' })
  updateVerdict(@Args('input') input: UpdateVerdictInput): Promise<Verdict> {
    return this.service.update(input);
  }

  @Mutation(() => Verdict, { description: 'DRAFT → IN_REVIEW.' })
  submitVerdictForReview(@Args('input') input: VerdictStepInput): Promise<Verdict> {
    return this.service.submitForReview(input);
  }

  @Mutation(() => Verdict, { description: 'IN_REVIEW → DRAFT, with the reviewer\'s note.' })
  returnVerdictToDraft(@Args('input') input: VerdictStepInput): Promise<Verdict> {
    return this.service.returnToDraft(input);
  }

  @Mutation(() => Verdict, { description: 'IN_REVIEW → PUBLISHED; `by` names the reviewer.' })
  publishVerdict(@Args('input') input: VerdictStepInput): Promise<Verdict> {
    return this.service.publish(input);
  }

  @Mutation(() => Verdict, { description: 'PUBLISHED/CORRECTED → CORRECTED: a new version with a public correction note.' })
  correctVerdict(@Args('input') input: CorrectVerdictInput): Promise<Verdict> {
    return this.service.correct(input);
  }

  @Mutation(() => Verdict, { description: 'PUBLISHED/CORRECTED → RETRACTED, with a public note.' })
  retractVerdict(@Args('input') input: VerdictStepInput): Promise<Verdict> {
    return this.service.retract(input);
  }

  @ResolveField(() => Claim, { description: 'The canonical claim the verdict applies to (after merges).' })
  async claim(@Parent() verdict: Verdict, @Context() ctx: GraphQLRequestContext): Promise<Claim | null> {
    let claim = await this.claimLoader.byId(ctx).load(verdict.claimId);
    for (let hops = 0; claim?.mergedIntoId && hops < 10; hops++) claim = await this.claimLoader.byId(ctx).load(claim.mergedIntoId);
    return claim;
  }

  @ResolveField(() => Rating)
  rating(@Parent() verdict: Verdict, @Context() ctx: GraphQLRequestContext): Promise<Rating | null> {
    return this.loader.rating(ctx).load(verdict.ratingId);
  }

  @ResolveField(() => Organisation)
  organisation(@Parent() verdict: Verdict, @Context() ctx: GraphQLRequestContext): Promise<Organisation | null> {
    return this.loader.organisation(ctx).load(verdict.organisationId);
  }

  @ResolveField(() => [VerdictVersion], { description: 'Every version, first to current.' })
  versions(@Parent() verdict: Verdict, @Context() ctx: GraphQLRequestContext): Promise<VerdictVersion[]> {
    return this.loader.versions(ctx).load(verdict.id);
  }

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

