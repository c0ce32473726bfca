import { Access, Role } from '@isnad/auth';
import { ObjectType, Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, ConnectionType, GraphQLRequestContext, IdArgs, PageArgs } from '@isnad/common';
import { CreateOutletInput, MergeOutletsInput, UpdateOutletInput } from './dto/outlet.input';
import { OutletFilter } from './dto/outlet.filter';
import { Outlet } from './outlet.entity';
import { OutletLoader } from './outlet.loader';
import { OutletsService } from './outlets.service';

@ObjectType()
export class OutletConnection extends ConnectionType(Outlet) {}

@Access(Role.VIEWER)
@Resolver(() => Outlet)
export class OutletResolver {
  constructor(
    private readonly service: OutletsService,
    private readonly loader: OutletLoader,
  ) {}

  @Query(() => Outlet, { nullable: true, description: 'An outlet; NOT_FOUND if there is none with this id.' })
  outlet(@Args() { id }: IdArgs): Promise<Outlet> {
    return this.service.get(id);
  }

  @Query(() => OutletConnection, { description: 'Outlets, newest first; merged duplicates are left out.' })
  outlets(
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: OutletFilter,
  ): Promise<Connection<Outlet>> {
    return this.service.list(filter, page);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => Outlet)
  createOutlet(@Args('input') input: CreateOutletInput): Promise<Outlet> {
    return this.service.create(input);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => Outlet)
  updateOutlet(@Args('input') input: UpdateOutletInput): Promise<Outlet> {
    return this.service.update(input);
  }

  @Access(Role.EDITOR)
  @Mutation(() => Outlet, { description: 'Folds a duplicate outlet into another; returns the one kept.' })
  mergeOutlets(@Args('input') input: MergeOutletsInput): Promise<Outlet> {
    return this.service.merge(input);
  }

  @ResolveField(() => [String], { description: 'Host names whose articles are filed under this outlet.' })
  domains(@Parent() outlet: Outlet, @Context() ctx: GraphQLRequestContext): Promise<string[]> {
    return this.loader.domains(ctx).load(outlet.id);
  }
}
