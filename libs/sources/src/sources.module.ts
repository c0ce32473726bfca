import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutletsModule } from '@isnad/outlets';
import { SOURCE_ENTITIES } from './entities';
import { SourceLoader } from './source.loader';
import { SourceResolver } from './source.resolver';
import { SourcesService } from './sources.service';

@Module({
  imports: [TypeOrmModule.forFeature(SOURCE_ENTITIES), OutletsModule],
  providers: [SourcesService, SourceLoader, SourceResolver],
  exports: [SourcesService, SourceLoader],
})
export class SourcesModule {}
