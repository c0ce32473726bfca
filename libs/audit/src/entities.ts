import { AuditChange } from './audit-change.entity';
import { AuditEntry } from './audit-entry.entity';

export const AUDIT_ENTITIES = [AuditEntry, AuditChange];
