import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, Actor, CurrentActor, Role } from '@isnad/auth';
import { GraphQLRequestContext } from '@isnad/common';
import { ClaimNote } from './claim-note.entity';
import { ClaimNotesService } from './claim-notes.service';
import { Claim } from './claim.entity';
import { ClaimLoader } from './claim.loader';
import { AddClaimNoteInput } from './dto/claim-note.input';

@Resolver(() => ClaimNote)
export class ClaimNoteResolver {
  constructor(private readonly notes: ClaimNotesService) {}

  @Access(Role.ANNOTATOR)
  @Mutation(() => ClaimNote, { description: "Adds an internal note to a claim; only your organisation sees it." })
  addClaimNote(@CurrentActor() actor: Actor, @Args('input') input: AddClaimNoteInput): Promise<ClaimNote> {
    return this.notes.add(actor, input);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => ID, { description: "Removes a note: your own, or (editors) any of your organisation's." })
  deleteClaimNote(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<string> {
    return this.notes.remove(actor, id);
  }
}

@Resolver(() => Claim)
export class ClaimNotesFieldResolver {
  constructor(private readonly loader: ClaimLoader) {}

  @Access(Role.VIEWER)
  @ResolveField(() => [ClaimNote], { description: "Your organisation's internal notes on this claim, oldest first." })
  notes(@Parent() claim: Claim, @Context() ctx: GraphQLRequestContext, @CurrentActor() actor: Actor): Promise<ClaimNote[]> {
    return this.loader.notesOf(ctx, actor.organisationId).load(claim.id);
  }
}
