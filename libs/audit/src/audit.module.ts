import { Global, Module } from '@nestjs/common';
import { ACCESS_DENIAL_LISTENER } from '@isnad/auth';
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
 * `auditEntries`. Mutations the access guard refuses to a member are filed too (AccessDenialListener).
 */
@Global() // so that AuthModule's AccessGuard finds the denial listener without importing this module
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry, AuditChange])],
  providers: [
    AuditService,
    AuditLoader,
    AuditEntryResolver,
    AuditChangeResolver,
    AuditContextSubscriber,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
    { provide: ACCESS_DENIAL_LISTENER, useExisting: AuditService },
  ],
  exports: [AuditService, ACCESS_DENIAL_LISTENER],
})
export class AuditModule {}
