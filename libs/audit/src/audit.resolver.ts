import { Access, Role } from '@isnad/auth';
import { Args, Context, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, ConnectionType, GraphQLRequestContext, PageArgs } from '@isnad/common';
import { AuditChange } from './audit-change.entity';
import { AuditEntry } from './audit-entry.entity';
import { AuditLoader } from './audit.loader';
import { AuditService } from './audit.service';
import { AuditEntryFilter } from './dto/audit-entry.filter';

@ObjectType()
export class AuditEntryConnection extends ConnectionType(AuditEntry) {}

/** The audit trail is the organisation's admins' to read (AuditService scopes it to their organisation). */
@Access(Role.ADMIN)
@Resolver(() => AuditEntry)
export class AuditEntryResolver {
  constructor(
    private readonly service: AuditService,
    private readonly loader: AuditLoader,
  ) {}

  @Query(() => AuditEntryConnection, {
    description:
      "Who changed what in your organisation, and when: every change asked for (mutation), newest first, with the records it changed. Admins only.",
  })
  auditEntries(
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: AuditEntryFilter,
  ): Promise<Connection<AuditEntry>> {
    return this.service.entries(filter, page);
  }

  @ResolveField(() => String, { description: 'The arguments given, as JSON text; secrets redacted, long texts cut.' })
  arguments(@Parent() entry: AuditEntry): string {
    return JSON.stringify(entry.arguments);
  }

  @ResolveField(() => [AuditChange], { description: 'The records it added, edited or removed, in order; none if it failed.' })
  changes(@Parent() entry: AuditEntry, @Context() ctx: GraphQLRequestContext): Promise<AuditChange[]> {
    return this.loader.changes(ctx).load(entry.id);
  }
}

@Access(Role.ADMIN)
@Resolver(() => AuditChange)
export class AuditChangeResolver {
  @ResolveField(() => String, { nullable: true, description: 'The record before, as JSON text (null when added); secrets left out.' })
  before(@Parent() change: AuditChange): string | null {
    return change.before && JSON.stringify(change.before);
  }

  @ResolveField(() => String, { nullable: true, description: 'The record after, as JSON text (null when removed); secrets left out.' })
  after(@Parent() change: AuditChange): string | null {
    return change.after && JSON.stringify(change.after);
  }

  @ResolveField(() => [String], { description: 'The fields whose value changed (all of them when added or removed).' })
  changedFields(@Parent() change: AuditChange): string[] {
    const before = change.before ?? {};
    const after = change.after ?? {};
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
  }
}
