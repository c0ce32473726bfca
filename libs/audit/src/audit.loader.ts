import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { GraphQLRequestContext, groupByKeys } from '@isnad/common';
import { AuditChange } from './audit-change.entity';
import { AuditService } from './audit.service';

/** Batches AuditEntry.changes: a page of entries loads its changes in one statement. */
@Injectable()
export class AuditLoader {
  constructor(private readonly audit: AuditService) {}

  changes(ctx: GraphQLRequestContext): DataLoader<string, AuditChange[]> {
    return ctx.loaders.get('audit.changes', () =>
      new DataLoader(async (ids: readonly string[]) => groupByKeys(ids, await this.audit.changesOf(ids), (c) => c.auditEntryId ?? '')),
    );
  }
}
