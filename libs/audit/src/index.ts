export * from './audit.module';
export * from './audit.service';
export * from './audit-arguments';
export * from './audit-context';
export * from './audit-entry.entity';
export * from './audit-change.entity';
export * from './entities';
