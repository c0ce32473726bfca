export * from './sources.module';
export * from './sources.service';
export * from './source.loader';
export * from './source.entity';
export * from './source.resolver';
export * from './sources.errors';
export * from './entities';
export * from './dto/source.input';
