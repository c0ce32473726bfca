import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsLocale,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { EvidenceKind } from '../evidence-item.type';
import { VerdictStatus } from '../verdict-status';

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

@InputType()
export class EvidenceItemInput {
  @Field(() => EvidenceKind)
  @IsEnum(EvidenceKind)
  kind: EvidenceKind;

  @Field()
  @IsUrl(HTTP_URL)
  @MaxLength(2000)
  url: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(HTTP_URL)
  @MaxLength(2000)
  archivedUrl?: string;

  @Field(() => String, { nullable: true, description: 'e.g. sha256:<64 hex digits>' })
  @IsOptional()
  @Matches(/^[a-z0-9-]+:[0-9a-fA-F]{16,128}$/)
  hash?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** The editable content of a verdict; every field optional so updates can send only changes. */
@InputType({ isAbstract: true })
export class VerdictContentInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  ratingId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  headline?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  summary?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50000)
  rationale?: string;

  @Field(() => [EvidenceItemInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => EvidenceItemInput)
  @ArrayMaxSize(100)
  evidence?: EvidenceItemInput[];

  @Field(() => [String], { nullable: true, description: 'Author names as the verdict credits them; you, when none are given.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  authors?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsLocale()
  language?: string;
}

@InputType()
export class CreateVerdictInput extends VerdictContentInput {
  @Field(() => ID, { description: 'The claim; a merged duplicate resolves to the claim it was merged into.' })
  @IsUUID()
  claimId: string;

  @Field(() => ID, { nullable: true, description: "Yours; naming another organisation is FORBIDDEN." })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

@InputType()
export class UpdateVerdictInput extends VerdictContentInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version the change was made on; CONFLICT if the verdict has moved on.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

/** A workflow step: submit, send back, publish, retract. */
@InputType()
export class VerdictStepInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'The name credited for the step (the reviewer on publish); your member name when not given.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  by?: string;

  @Field(() => String, { nullable: true, description: 'Why: required to send back or retract, shown publicly on retraction.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  note?: string;
}

@InputType()
export class CorrectVerdictInput extends UpdateVerdictInput {
  @Field({ description: 'The public correction note: what changed and why.' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  note: string;
}

@InputType()
export class VerdictFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  claimId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @Field(() => [VerdictStatus], { nullable: true })
  @IsOptional()
  @IsEnum(VerdictStatus, { each: true })
  statuses?: VerdictStatus[];
}
