import { Module } from '@nestjs/common';
import { FeedsController } from './feeds.controller';
import { FeedsService } from './feeds.service';

/** Public verdict feeds over HTTP (Atom, RSS, JSON Feed, schema.org DataFeed). */
@Module({
  controllers: [FeedsController],
  providers: [FeedsService],
  exports: [FeedsService],
})
export class FeedsModule {}
