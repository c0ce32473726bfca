import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { WebhookEndpoint } from '../webhook-endpoint.entity';

@InputType()
export class RegisterWebhookInput {
  @Field({ description: 'Where to POST events: an http(s) URL without credentials, on a public address.' })
  // The service checks the rest (scheme, credentials, the addresses it resolves to) with a `reason`.
  @IsString()
  @MaxLength(2000)
  url: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @Field(() => ID, { nullable: true, description: "Yours (whose published verdicts are sent); naming another organisation is FORBIDDEN." })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

@ObjectType()
export class WebhookRegistration {
  @Field(() => WebhookEndpoint)
  endpoint: WebhookEndpoint;

  @Field({ description: 'The HMAC-SHA256 signing secret. Shown only here, once: store it now.' })
  secret: string;
}
