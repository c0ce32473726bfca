import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { Role } from '../role';

@InputType()
export class AddMemberInput {
  @Field({ description: 'As the member writes it (Arabic or Latin script).' })
  @IsString()
  @Length(1, 200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string;

  @Field(() => Role)
  role: Role;
}

@InputType()
export class ChangeMemberRoleInput {
  @Field(() => ID)
  @IsUUID()
  memberId: string;

  @Field(() => Role)
  role: Role;
}

@InputType()
export class CreateApiTokenInput {
  @Field({ description: 'What the token is for, e.g. "newsroom CMS plug-in".' })
  @IsString()
  @Length(1, 200)
  name: string;

  @Field(() => Int, { nullable: true, description: 'Days until it expires: 1 to 366, 90 when not given.' })
  @IsOptional()
  @Min(1)
  @Max(366)
  expiresInDays?: number;

  @Field(() => ID, { nullable: true, description: 'Admins may create a token for another member; yours otherwise.' })
  @IsOptional()
  @IsUUID()
  memberId?: string;
}
