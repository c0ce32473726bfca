export * from './outlets.module';
export * from './outlets.service';
export * from './outlet.loader';
export * from './outlet.entity';
export * from './outlets.errors';
export * from './entities';
export * from './dto/outlet.input';
