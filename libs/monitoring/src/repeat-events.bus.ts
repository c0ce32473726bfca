import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import Redis from 'ioredis';
import { ClaimRepeatAlert } from './dto/claim-repeat-alert.type';

const CHANNEL = 'isnad.claimRepeated';

/**
 * The live channel behind the claimRepeated subscription: Redis pub/sub when REDIS_URL is set (a
 * repeat found by any process reaches subscribers of every process), in-process otherwise. Live
 * only; partners who must not miss one use the claim.repeated webhook, which reads the outbox.
 */
@Injectable()
export class RepeatEventsBus implements OnApplicationShutdown {
  private readonly logger = new Logger('RepeatEvents');
  private readonly engine: PubSubEngine;
  private readonly redis: Redis[] = [];

  constructor(redisUrl: string | null) {
    if (redisUrl) {
      const connect = () => {
        const client = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
        client.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
        this.redis.push(client);
        return client;
      };
      this.engine = new RedisPubSub({ publisher: connect(), subscriber: connect() });
    } else {
      this.engine = new PubSub();
    }
  }

  async publish(alert: ClaimRepeatAlert): Promise<void> {
    try {
      await this.engine.publish(CHANNEL, { ...alert, foundAt: alert.foundAt.toISOString() });
    } catch (error) {
      this.logger.warn(`Could not publish repeat ${alert.repeatId}: ${(error as Error).message}`);
    }
  }

  iterator(): AsyncIterableIterator<ClaimRepeatAlert> {
    return this.engine.asyncIterableIterator<ClaimRepeatAlert>(CHANNEL) as AsyncIterableIterator<ClaimRepeatAlert>;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.redis.map((client) => client.quit().catch(() => client.disconnect())));
  }
}
