import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArticlesModule } from '@isnad/articles';
import { OutletsModule } from '@isnad/outlets';
import { SourcesModule } from '@isnad/sources';
import { AttributionHopResolver } from './attribution-hop.resolver';
import { ClaimAppearanceResolver } from './claim-appearance.resolver';
import { ClaimCandidateResolver } from './claim-candidate.resolver';
import { ClaimCandidatesService } from './claim-candidates.service';
import { ClaimLoader } from './claim.loader';
import { ClaimNoteResolver, ClaimNotesFieldResolver } from './claim-note.resolver';
import { ClaimNotesService } from './claim-notes.service';
import { ClaimResolver } from './claim.resolver';
import { ClaimsService } from './claims.service';
import { CLAIM_ENTITIES } from './entities';
import { ArticleClaimsResolver, OutletRelaysResolver, SourceClaimsResolver } from './related-claims.resolver';
import { WebAnnotationController } from './web-annotation.controller';
import { WebAnnotationService } from './web-annotation.service';

@Module({
  imports: [TypeOrmModule.forFeature(CLAIM_ENTITIES), ArticlesModule, SourcesModule, OutletsModule],
  controllers: [WebAnnotationController],
  providers: [
    ClaimsService,
    ClaimNotesService,
    ClaimNoteResolver,
    ClaimNotesFieldResolver,
    WebAnnotationService,
    ClaimCandidatesService,
    ClaimCandidateResolver,
    ClaimLoader,
    ClaimResolver,
    ClaimAppearanceResolver,
    AttributionHopResolver,
    ArticleClaimsResolver,
    SourceClaimsResolver,
    OutletRelaysResolver,
  ],
  exports: [ClaimsService, ClaimLoader, ClaimCandidatesService],
})
export class ClaimsModule {}
