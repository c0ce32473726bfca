import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArticlesModule } from '@isnad/articles';
import { SourcesModule } from '@isnad/sources';
import { AttributionHopResolver } from './attribution-hop.resolver';
import { ClaimAppearanceResolver } from './claim-appearance.resolver';
import { ClaimLoader } from './claim.loader';
import { ClaimResolver } from './claim.resolver';
import { ClaimsService } from './claims.service';
import { CLAIM_ENTITIES } from './entities';
import { ArticleClaimsResolver, OutletRelaysResolver, SourceClaimsResolver } from './related-claims.resolver';

@Module({
  imports: [TypeOrmModule.forFeature(CLAIM_ENTITIES), ArticlesModule, SourcesModule],
  providers: [
    ClaimsService,
    ClaimLoader,
    ClaimResolver,
    ClaimAppearanceResolver,
    AttributionHopResolver,
    ArticleClaimsResolver,
    SourceClaimsResolver,
    OutletRelaysResolver,
  ],
  exports: [ClaimsService, ClaimLoader],
})
export class ClaimsModule {}
