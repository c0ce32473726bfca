import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { WatchKind } from '../watch.entity';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

@InputType()
export class WatchFeedInput {
  @Field({ description: 'An RSS 2.0, Atom, JSON Feed or news sitemap URL, or for CLAIM_REVIEW also a ClaimReview DataFeed (http or https).' })
  @IsString()
  @MaxLength(4096)
  url: string;

  @Field(() => WatchKind, { nullable: true, description: 'FEED (default): capture each article; CLAIM_REVIEW: import each fact-check\'s ClaimReview.' })
  @IsOptional()
  @IsEnum(WatchKind)
  kind?: WatchKind;

  @Field(() => ID, { nullable: true, description: 'File captured articles under this outlet (default: the one owning each URL\'s host).' })
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @Field(() => Int, { nullable: true, description: 'Minutes between polls, 1 to 1440 (default 15).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  everyMinutes?: number;
}
