import { Access, Public, Role } from '@isnad/auth';
import { ObjectType, Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, ConnectionType, GraphQLRequestContext, IdArgs, PageArgs } from '@isnad/common';
import { ClaimAppearance } from './claim-appearance.entity';
import { Claim } from './claim.entity';
import { ClaimLoader } from './claim.loader';
import { ClaimsService } from './claims.service';
import { ClaimFilter, MergeClaimsInput, UpdateClaimInput } from './dto/claim.input';
import { Tag } from './tag.entity';

@ObjectType()
export class ClaimConnection extends ConnectionType(Claim) {}
@ObjectType()
export class ClaimAppearanceConnection extends ConnectionType(ClaimAppearance) {}

@Access(Role.VIEWER)
@Resolver(() => Claim)
export class ClaimResolver {
  constructor(
    private readonly service: ClaimsService,
    private readonly loader: ClaimLoader,
  ) {}

  @Query(() => Claim, { nullable: true, description: 'A claim; NOT_FOUND if there is none with this id.' })
  claim(@Args() { id }: IdArgs): Promise<Claim> {
    return this.service.get(id);
  }

  @Query(() => ClaimConnection, { description: 'Claims, newest first; merged duplicates are left out.' })
  claims(@Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: ClaimFilter): Promise<Connection<Claim>> {
    return this.service.list(filter, page);
  }

  @Query(() => [Tag], { description: 'Every tag, alphabetically by its search key.' })
  tags(): Promise<Tag[]> {
    return this.service.allTags();
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => Claim)
  updateClaim(@Args('input') input: UpdateClaimInput): Promise<Claim> {
    return this.service.update(input);
  }

  @Access(Role.EDITOR)
  @Mutation(() => Claim, { description: 'Folds a duplicate claim into another; returns the one kept.' })
  mergeClaims(@Args('input') input: MergeClaimsInput): Promise<Claim> {
    return this.service.merge(input);
  }

  @Public()
  @ResolveField('tags', () => [Tag])
  claimTags(@Parent() claim: Claim, @Context() ctx: GraphQLRequestContext): Promise<Tag[]> {
    return this.loader.tags(ctx).load(claim.id);
  }

  @ResolveField(() => ClaimAppearanceConnection, { description: 'Where the claim appears, first captured first.' })
  appearances(
    @Parent() claim: Claim,
    @Args() page: PageArgs,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<Connection<ClaimAppearance>> {
    return this.loader.appearances(ctx, page).load(claim.id);
  }

  @ResolveField(() => Int)
  appearanceCount(@Parent() claim: Claim, @Context() ctx: GraphQLRequestContext): Promise<number> {
    return this.loader.appearanceCount(ctx).load(claim.id);
  }
}
