import { Public } from '@isnad/auth';
import { Args, ArgsType, Field, ID, Resolver, Subscription } from '@nestjs/graphql';
import { IsLocale, IsOptional, IsUUID, Matches } from 'class-validator';
import { VerdictEventsBus, VerdictPublishedMessage } from './verdict-events.bus';
import { Verdict } from './verdict.entity';
import { VerdictsService } from './verdicts.service';

@ArgsType()
export class VerdictPublishedArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @Field(() => String, { nullable: true, description: 'BCP 47; "ar" also matches "ar-SY".' })
  @IsOptional()
  @IsLocale()
  language?: string;

  @Field(() => String, { nullable: true, description: 'A rating key (FALSE, MISSING_CONTEXT ...).' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{0,49}$/)
  rating?: string;

  @Field(() => ID, { nullable: true, description: 'Only verdicts on this canonical claim.' })
  @IsOptional()
  @IsUUID()
  claimId?: string;
}

/** True when the message passes every filter the subscriber gave. */
export function matchesVerdictFilter(message: VerdictPublishedMessage, filter: VerdictPublishedArgs): boolean {
  return (
    (!filter.organisationId || message.organisationId === filter.organisationId) &&
    (!filter.language || message.language === filter.language || message.language.startsWith(`${filter.language}-`)) &&
    (!filter.rating || message.ratingKey === filter.rating) &&
    (!filter.claimId || message.claimId === filter.claimId)
  );
}

@Public()
@Resolver(() => Verdict)
export class VerdictSubscriptionResolver {
  constructor(
    private readonly bus: VerdictEventsBus,
    private readonly verdicts: VerdictsService,
  ) {}

  @Subscription(() => Verdict, {
    description: 'Each verdict as it is published, corrected or retracted (see status), filtered; over graphql-ws.',
    filter: (message: VerdictPublishedMessage, args: VerdictPublishedArgs) => matchesVerdictFilter(message, args),
    resolve(this: VerdictSubscriptionResolver, message: VerdictPublishedMessage) {
      return this.verdicts.get(message.verdictId);
    },
  })
  verdictPublished(@Args() _filter: VerdictPublishedArgs): AsyncIterableIterator<VerdictPublishedMessage> {
    return this.bus.iterator();
  }
}
