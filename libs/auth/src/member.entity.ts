import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from './organisation.entity';
import { Role } from './role';

/**
 * A person working in one organisation, with one role there. Someone in two teams is two members.
 * Removed members stay (verdicts and audit entries name them) but their tokens stop working.
 */
@ObjectType()
@Entity('members')
@Index('members_organisation_idx', ['organisationId'])
export class Member {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Field()
  @Column('text')
  name: string;

  @Field(() => String, { nullable: true, description: 'Contact address; seen by the organisation\'s admins and the member.' })
  @Column('text', { nullable: true })
  email: string | null;

  @Field(() => Role)
  @Column({ type: 'enum', enum: Role, enumName: 'member_role' })
  role: Role;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When an admin removed the member; their tokens stopped working then.' })
  @Column({ type: 'timestamptz', name: 'removed_at', nullable: true, precision: 3 })
  removedAt: Date | null;
}
