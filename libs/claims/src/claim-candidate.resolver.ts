import { Access, Role } from '@isnad/auth';
import { workPrice } from '@isnad/common';
import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { ClaimAppearance } from './claim-appearance.entity';
import { ClaimCandidatesService } from './claim-candidates.service';
import { AcceptClaimCandidateInput, ClaimCandidate } from './dto/claim-candidate.type';

@ArgsType()
class ClaimCandidatesArgs {
  @Field(() => ID)
  @IsUUID()
  articleId: string;

  @Field(() => ID, { nullable: true, description: 'Default: the latest revision.' })
  @IsOptional()
  @IsUUID()
  revisionId?: string;
}

@Access(Role.VIEWER)
@Resolver(() => ClaimCandidate)
export class ClaimCandidateResolver {
  constructor(private readonly service: ClaimCandidatesService) {}

  // One extraction over a whole article (about a second of a worker on a long article): at most
  // four per request; about 20 candidates come back.
  @Query(() => [ClaimCandidate], {
    complexity: workPrice(4000, 20),
    description: 'Check-worthy sentences of an article with the source chain its text gives. Suggestions only.',
  })
  claimCandidates(@Args() { articleId, revisionId }: ClaimCandidatesArgs): Promise<ClaimCandidate[]> {
    return this.service.candidatesFor(articleId, revisionId);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => ClaimAppearance, {
    description: 'Annotates a candidate as a claim appearance with its suggested chain, reusing known sources.',
  })
  acceptClaimCandidate(@Args('input') input: AcceptClaimCandidateInput): Promise<ClaimAppearance> {
    return this.service.accept(input);
  }
}
