import { Type } from 'class-transformer';
import { IsInt, IsLocale, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_FEED_SIZE = 20;
export const MAX_FEED_SIZE = 100;

/** The query string of a verdict feed: filters and paging. */
export class FeedQuery {
  @IsOptional()
  @IsUUID()
  organisation?: string;

  @IsOptional()
  @IsLocale()
  language?: string;

  /** A rating key (FALSE, MISSING_CONTEXT ...). */
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{0,49}$/)
  rating?: string;

  /** Verdicts on claims appearing in this outlet's articles. */
  @IsOptional()
  @IsUUID()
  outlet?: string;

  /** Verdicts on claims with this source anywhere in an attribution chain. */
  @IsOptional()
  @IsUUID()
  source?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  tag?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_FEED_SIZE)
  limit?: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

/** The filter parameters, in a fixed order (for self and next links). */
export const FILTER_KEYS = ['organisation', 'language', 'rating', 'outlet', 'source', 'tag'] as const;
