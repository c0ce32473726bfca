import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { VerdictEvent } from './verdict-event.entity';

/**
 * Reads the verdict_events outbox for dispatchers. Events were written in the same transaction as
 * the verdict change, so whatever committed is here, once.
 */
@Injectable()
export class VerdictOutboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes up to `limit` undispatched events, oldest first, hands them to `dispatch` inside one
   * transaction and marks them dispatched there too: what `dispatch` writes and the mark commit
   * together or not at all. Rows locked by another worker are skipped, not waited for.
   */
  async drain(limit: number, dispatch: (manager: EntityManager, events: VerdictEvent[]) => Promise<void>): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const events = await manager
        .getRepository(VerdictEvent)
        .createQueryBuilder('e')
        .where('e.dispatched_at IS NULL')
        .orderBy('e.created_at', 'ASC')
        .addOrderBy('e.id', 'ASC')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (!events.length) return 0;
      await dispatch(manager, events);
      await manager.update(VerdictEvent, { id: In(events.map((e) => e.id)) }, { dispatchedAt: () => 'now()' });
      return events.length;
    });
  }

  /**
   * Adds an event to the outbox inside the caller's transaction (other libraries' events, such as
   * claim.repeated): dispatched to webhooks like the verdict's own events. `verdictId` and
   * `version` are null for an event about no verdict of ours (a repeat of another organisation's review).
   */
  async append(
    manager: EntityManager,
    event: { type: string; verdictId: string | null; organisationId: string; version: number | null; payload: Record<string, unknown> },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO verdict_events (type, verdict_id, organisation_id, version, payload) VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [event.type, event.verdictId, event.organisationId, event.version, JSON.stringify(event.payload)],
    );
  }

  async findByIds(ids: readonly string[]): Promise<VerdictEvent[]> {
    return ids.length ? this.dataSource.getRepository(VerdictEvent).findBy({ id: In([...ids]) }) : [];
  }
}
