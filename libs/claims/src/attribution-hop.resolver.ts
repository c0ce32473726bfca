import { Access, Role } from '@isnad/auth';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLRequestContext } from '@isnad/common';
import { Source, SourceLoader } from '@isnad/sources';
import { AttributionHop } from './attribution-hop.entity';

@Access(Role.VIEWER)
@Resolver(() => AttributionHop)
export class AttributionHopResolver {
  constructor(private readonly sourceLoader: SourceLoader) {}

  @ResolveField(() => Source)
  source(@Parent() hop: AttributionHop, @Context() ctx: GraphQLRequestContext): Promise<Source | null> {
    return this.sourceLoader.byId(ctx).load(hop.sourceId);
  }
}
