import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Actor, Role, roleIncludes } from '@isnad/auth';
import { ForbiddenError, InvalidInputError } from '@isnad/common';
import { ClaimNote } from './claim-note.entity';
import { ClaimNoteNotFoundError } from './claims.errors';
import { ClaimsService } from './claims.service';
import { AddClaimNoteInput } from './dto/claim-note.input';

/** Organisations' internal notes on shared claims: written, read and removed within one organisation. */
@Injectable()
export class ClaimNotesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimsService,
  ) {}

  /** Adds the actor's note to the claim (the surviving one, after merges). */
  add(actor: Actor, input: AddClaimNoteInput): Promise<ClaimNote> {
    const text = input.text.normalize('NFC').trim();
    if (!text) throw new InvalidInputError('A note needs some text', { field: 'text', reason: 'EMPTY' });
    return this.dataSource.transaction(async (manager) => {
      const claim = await this.claims.getCurrent(input.claimId, manager);
      return manager.save(
        manager.create(ClaimNote, {
          claimId: claim.id,
          organisationId: actor.organisationId,
          authorMemberId: actor.memberId,
          authorName: actor.name,
          text,
        }),
      );
    });
  }

  /** Removes a note: its author, or an editor of the same organisation. Other organisations' notes are NOT_FOUND. */
  async remove(actor: Actor, id: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const note = await manager.findOne(ClaimNote, { where: { id, organisationId: actor.organisationId }, lock: { mode: 'pessimistic_write' } });
      if (!note) throw new ClaimNoteNotFoundError(id);
      if (note.authorMemberId !== actor.memberId && !roleIncludes(actor.role, Role.EDITOR)) {
        throw new ForbiddenError("Only a note's author or an editor removes it");
      }
      await manager.delete(ClaimNote, { id });
      return id;
    });
  }

  /** The organisation's notes on each claim, oldest first. */
  notesOf(claimIds: readonly string[], organisationId: string): Promise<ClaimNote[]> {
    if (!claimIds.length) return Promise.resolve([]);
    return this.dataSource
      .getRepository(ClaimNote)
      .find({ where: { claimId: In([...claimIds]), organisationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
