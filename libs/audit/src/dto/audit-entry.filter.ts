import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

@InputType({ description: 'Which changes to list; every condition given must hold.' })
export class AuditEntryFilter {
  @Field(() => String, { nullable: true, description: 'The mutation, e.g. publishVerdict.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  operation?: string;

  @Field(() => String, { nullable: true, description: 'Changes that touched this table (e.g. verdicts) ...' })
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'tableName must be a table name such as verdicts' })
  tableName?: string;

  @Field(() => String, { nullable: true, description: '... or this record (its id), to see one verdict\'s or claim\'s history.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  rowId?: string;

  @Field(() => ID, { nullable: true, description: 'Changes made by this member.' })
  @IsOptional()
  @IsUUID()
  actorMemberId?: string;

  @Field(() => Date, { nullable: true, description: 'Made at or after this moment.' })
  @IsOptional()
  @IsDate()
  since?: Date;

  @Field(() => Date, { nullable: true, description: 'Made before this moment.' })
  @IsOptional()
  @IsDate()
  until?: Date;
}
