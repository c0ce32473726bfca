export * from './feeds.module';
export * from './feeds.service';
export * from './feed-render';
export * from './dto/feed-query';
