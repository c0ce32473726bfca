import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OUTLET_ENTITIES } from './entities';
import { OutletLoader } from './outlet.loader';
import { OutletResolver } from './outlet.resolver';
import { OutletsService } from './outlets.service';

@Module({
  imports: [TypeOrmModule.forFeature(OUTLET_ENTITIES)],
  providers: [OutletsService, OutletLoader, OutletResolver],
  exports: [OutletsService, OutletLoader],
})
export class OutletsModule {}
