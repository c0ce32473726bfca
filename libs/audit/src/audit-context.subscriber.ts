import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntitySubscriberInterface, TransactionStartEvent } from 'typeorm';
import { currentAuditContext } from './audit-context';

/**
 * Tells the audit trigger which mutation a transaction belongs to: at the start of every
 * transaction opened inside an audit context, it sets the transaction-local `isnad.audit`. TypeORM
 * awaits afterTransactionStart before the transaction's first statement; outside a mutation it
 * costs nothing. Writes outside any transaction are still recorded, without their mutation.
 */
@Injectable()
export class AuditContextSubscriber implements EntitySubscriberInterface {
  constructor(@InjectDataSource() dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  async afterTransactionStart({ queryRunner }: TransactionStartEvent): Promise<void> {
    const context = currentAuditContext();
    if (!context) return;
    await queryRunner.query(`SELECT set_config('isnad.audit', $1, true)`, [JSON.stringify(context)]);
  }
}
