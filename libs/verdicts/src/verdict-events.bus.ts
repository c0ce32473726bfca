import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { LiveChannel } from '@isnad/common';
import { VERDICTS_OPTIONS, VerdictsOptions } from './public-url';
import { VerdictStatus } from './verdict-status';

/** What subscribers hear when a verdict goes public, is corrected or retracted. */
export interface VerdictPublishedMessage {
  verdictId: string;
  organisationId: string;
  claimId: string;
  language: string;
  ratingKey: string;
  status: VerdictStatus;
  version: number;
}

/**
 * The live channel behind the verdictPublished subscription: Redis pub/sub when REDIS_URL is set
 * (so a verdict published through one API process reaches subscribers of every other), an
 * in-process PubSub otherwise. Live only: a subscriber that is not connected misses messages;
 * partners who must not miss any use webhooks, which read the outbox.
 */
@Injectable()
export class VerdictEventsBus implements OnApplicationShutdown {
  private readonly channel: LiveChannel<VerdictPublishedMessage>;

  constructor(@Inject(VERDICTS_OPTIONS) options: VerdictsOptions) {
    this.channel = new LiveChannel('isnad.verdictPublished', options.redisUrl ?? null, new Logger('VerdictEvents'));
  }

  /** Tells subscribers; a failure is logged, never undoes the committed change. */
  publish(message: VerdictPublishedMessage): Promise<void> {
    return this.channel.publish(message, `verdict ${message.verdictId}`);
  }

  /** Calls `listener` on every message (from any process when Redis carries them); returns the unsubscribe. */
  listen(listener: (message: VerdictPublishedMessage) => void): () => void {
    return this.channel.listen(listener);
  }

  iterator(): AsyncIterableIterator<VerdictPublishedMessage> {
    return this.channel.iterator();
  }

  onApplicationShutdown(): Promise<void> {
    return this.channel.close();
  }
}
