import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditChange } from './audit-change.entity';
import { AuditContextSubscriber } from './audit-context.subscriber';
import { AuditEntry } from './audit-entry.entity';
import { AuditInterceptor } from './audit.interceptor';
import { AuditLoader } from './audit.loader';
import { AuditChangeResolver, AuditEntryResolver } from './audit.resolver';
import { AuditService } from './audit.service';

/**
 * The audit trail: every mutation is recorded (AuditInterceptor) with the rows it changed (the
 * database trigger, told which mutation by AuditContextSubscriber), and admins read it through
 * `auditEntries`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry, AuditChange])],
  providers: [
    AuditService,
    AuditLoader,
    AuditEntryResolver,
    AuditChangeResolver,
    AuditContextSubscriber,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AuditService],
})
export class AuditModule {}
