import { Access, Role } from '@isnad/auth';
import { ObjectType, Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, ConnectionType, GraphQLRequestContext, IdArgs, PageArgs } from '@isnad/common';
import { Outlet, OutletLoader } from '@isnad/outlets';
import { CreateSourceInput, MergeSourcesInput, SourceFilter, UpdateSourceInput } from './dto/source.input';
import { Source } from './source.entity';
import { SourcesService } from './sources.service';

@ObjectType()
export class SourceConnection extends ConnectionType(Source) {}

@Access(Role.VIEWER)
@Resolver(() => Source)
export class SourceResolver {
  constructor(
    private readonly service: SourcesService,
    private readonly outletLoader: OutletLoader,
  ) {}

  @Query(() => Source, { nullable: true, description: 'A source; NOT_FOUND if there is none with this id.' })
  source(@Args() { id }: IdArgs): Promise<Source> {
    return this.service.get(id);
  }

  @Query(() => SourceConnection, { description: 'Sources, newest first; merged duplicates are left out.' })
  sources(
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: SourceFilter,
  ): Promise<Connection<Source>> {
    return this.service.list(filter, page);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => Source)
  createSource(@Args('input') input: CreateSourceInput): Promise<Source> {
    return this.service.create(input);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => Source)
  updateSource(@Args('input') input: UpdateSourceInput): Promise<Source> {
    return this.service.update(input);
  }

  @Access(Role.EDITOR)
  @Mutation(() => Source, { description: 'Folds a duplicate source into another; returns the one kept.' })
  mergeSources(@Args('input') input: MergeSourcesInput): Promise<Source> {
    return this.service.merge(input);
  }

  @ResolveField(() => Outlet, { nullable: true, description: 'For kind OUTLET: the outlet this source is.' })
  outlet(@Parent() source: Source, @Context() ctx: GraphQLRequestContext): Promise<Outlet | null> | null {
    return source.outletId ? this.outletLoader.byId(ctx).load(source.outletId) : null;
  }

  @ResolveField(() => Outlet, { nullable: true, description: 'For an anonymous source: the outlet it spoke to.' })
  confidedToOutlet(@Parent() source: Source, @Context() ctx: GraphQLRequestContext): Promise<Outlet | null> | null {
    return source.confidedToOutletId ? this.outletLoader.byId(ctx).load(source.confidedToOutletId) : null;
  }
}
