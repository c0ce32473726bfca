import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { LiveChannel } from '@isnad/common';
import { ClaimRepeatAlert } from './dto/claim-repeat-alert.type';

/**
 * The live channel behind the claimRepeated subscription (across processes through Redis when
 * REDIS_URL is set). Partners who must not miss a repeat use the claim.repeated webhook, which
 * reads the outbox.
 */
@Injectable()
export class RepeatEventsBus implements OnApplicationShutdown {
  private readonly channel: LiveChannel<ClaimRepeatAlert>;

  constructor(redisUrl: string | null) {
    this.channel = new LiveChannel('isnad.claimRepeated', redisUrl, new Logger('RepeatEvents'));
  }

  publish(alert: ClaimRepeatAlert): Promise<void> {
    // Dates cross Redis as strings; the subscription's resolver turns foundAt back into a Date.
    return this.channel.publish({ ...alert, foundAt: alert.foundAt.toISOString() as unknown as Date }, `repeat ${alert.repeatId}`);
  }

  iterator(): AsyncIterableIterator<ClaimRepeatAlert> {
    return this.channel.iterator();
  }

  onApplicationShutdown(): Promise<void> {
    return this.channel.close();
  }
}
