import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What became of a mutation: OK, or the error code its caller received. */
export const AUDIT_OUTCOME_OK = 'OK';

/**
 * One mutation somebody asked for: who (member, organisation, token), when, which operation with
 * which arguments (secrets redacted, long texts cut), and whether it succeeded. The row changes it
 * caused are its `changes`.
 */
@ObjectType({ description: 'One change somebody asked for (a mutation), with who, when and what came of it.' })
@Entity('audit_entries')
@Index('audit_entries_organisation_at_idx', ['actorOrganisationId', 'at', 'id'])
@Index('audit_entries_at_idx', ['at', 'id'])
export class AuditEntry {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @Field(() => Date, { description: 'When the mutation was received.' })
  @Column({ type: 'timestamptz', precision: 3 })
  at: Date;

  @Field(() => ID, { nullable: true, description: 'The member who asked; null for anonymous callers.' })
  @Column('uuid', { name: 'actor_member_id', nullable: true })
  actorMemberId: string | null;

  @Field(() => ID, { nullable: true, description: "The member's organisation." })
  @Column('uuid', { name: 'actor_organisation_id', nullable: true })
  actorOrganisationId: string | null;

  @Field(() => String, { nullable: true, description: "The member's name at the time." })
  @Column('text', { name: 'actor_name', nullable: true })
  actorName: string | null;

  @Field(() => ID, { nullable: true, description: 'The API token used (its id; never the token itself).' })
  @Column('uuid', { name: 'token_id', nullable: true })
  tokenId: string | null;

  @Field(() => String, { nullable: true, description: 'The x-request-id of the HTTP request, to find it in the logs.' })
  @Column('text', { name: 'request_id', nullable: true })
  requestId: string | null;

  @Field({ description: 'The mutation, e.g. publishVerdict.' })
  @Column('text')
  operation: string;

  /** Redacted arguments (see redactArguments). */
  @Column('jsonb')
  arguments: Record<string, unknown>;

  @Field({ description: 'OK, or the error code the caller received (CONFLICT, BAD_USER_INPUT ...).' })
  @Column('text')
  outcome: string;

  @Field(() => String, { nullable: true, description: 'Why it failed, as the caller was told.' })
  @Column('text', { name: 'error_message', nullable: true })
  errorMessage: string | null;
}
