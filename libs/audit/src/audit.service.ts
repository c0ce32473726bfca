import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AccessDenialListener, Actor, Role, currentActor, roleIncludes } from '@isnad/auth';
import {
  Connection,
  DEFAULT_PAGE_SIZE,
  ForbiddenError,
  PageArgs,
  UnauthenticatedError,
  decodeCursor,
  toConnection,
} from '@isnad/common';
import { redactArguments } from './audit-arguments';
import { AuditChange } from './audit-change.entity';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryFilter } from './dto/audit-entry.filter';

/** Records mutations and answers an organisation's admins about who changed what, and when. */
@Injectable()
export class AuditService implements AccessDenialListener {
  private readonly logger = new Logger('Audit');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Writes the entry of a mutation that has settled. Its row changes are already committed (or
   * rolled back), so a failure to write the entry is logged rather than turned into a failed mutation.
   */
  async record(entry: AuditEntry): Promise<void> {
    try {
      await this.dataSource.getRepository(AuditEntry).insert(entry as QueryDeepPartialEntity<AuditEntry>);
    } catch (error) {
      this.logger.error(`Could not record the audit entry ${entry.id} of ${entry.operation}`, error instanceof Error ? error.stack : String(error));
    }
  }

  /** Files a mutation the access guard refused to a member: the attempt, with the code they got. */
  async mutationDenied({ actor, operation, args, error, requestId }: Parameters<AccessDenialListener['mutationDenied']>[0]): Promise<void> {
    await this.record({
      id: randomUUID(),
      at: new Date(),
      actorMemberId: actor.memberId,
      actorOrganisationId: actor.organisationId,
      actorName: actor.name,
      tokenId: actor.tokenId,
      requestId,
      operation,
      arguments: redactArguments(args) as Record<string, unknown>,
      outcome: error.code,
      errorMessage: error.message,
    });
  }

  /**
   * The caller's organisation's audit entries, newest first. UNAUTHENTICATED without a member,
   * FORBIDDEN below ADMIN.
   */
  async entries(filter: AuditEntryFilter = {}, page: PageArgs = {}): Promise<Connection<AuditEntry>> {
    const actor = this.requireAdmin();
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    const query = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('e')
      .where('e.actor_organisation_id = :organisationId', { organisationId: actor.organisationId })
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(first + 1);
    if (filter.operation) query.andWhere('e.operation = :operation', { operation: filter.operation });
    if (filter.actorMemberId) query.andWhere('e.actor_member_id = :memberId', { memberId: filter.actorMemberId });
    if (filter.since) query.andWhere('e.at >= :since', { since: filter.since });
    if (filter.until) query.andWhere('e.at < :until', { until: filter.until });
    if (filter.tableName || filter.rowId) {
      const conditions = ['c.audit_entry_id = e.id'];
      if (filter.tableName) conditions.push('c.table_name = :tableName');
      if (filter.rowId) conditions.push('c.row_id = :rowId');
      query.andWhere(`EXISTS (SELECT 1 FROM audit_changes c WHERE ${conditions.join(' AND ')})`, {
        tableName: filter.tableName,
        rowId: filter.rowId,
      });
    }
    if (page.after) {
      const { value, id } = decodeCursor(page.after);
      query.andWhere('(e.at, e.id) < (:value, :id)', { value, id });
    }
    return toConnection(await query.getMany(), first, (e) => ({ value: e.at.toISOString(), id: e.id }));
  }

  /** The row changes of each entry, in the order they were written. */
  async changesOf(entryIds: readonly string[]): Promise<AuditChange[]> {
    if (!entryIds.length) return [];
    return this.dataSource
      .getRepository(AuditChange)
      .find({ where: { auditEntryId: In([...entryIds]) }, order: { id: 'ASC' } });
  }

  private requireAdmin(): Actor {
    const actor = currentActor();
    if (!actor) throw new UnauthenticatedError('Reading the audit trail needs an API token');
    if (!roleIncludes(actor.role, Role.ADMIN)) throw new ForbiddenError('Only an organisation admin can read its audit trail');
    return actor;
  }
}
