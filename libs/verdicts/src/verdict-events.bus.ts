import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import Redis from 'ioredis';
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

const CHANNEL = 'isnad.verdictPublished';

/**
 * The live channel behind the verdictPublished subscription: Redis pub/sub when REDIS_URL is set
 * (so a verdict published through one API process reaches subscribers of every other), an
 * in-process PubSub otherwise. Live only: a subscriber that is not connected misses messages;
 * partners who must not miss any use webhooks, which read the outbox.
 */
@Injectable()
export class VerdictEventsBus implements OnApplicationShutdown {
  private readonly logger = new Logger('VerdictEvents');
  private readonly engine: PubSubEngine;
  private readonly redis: Redis[] = [];

  /** A new Redis connection (closed on shutdown), or null without REDIS_URL. */
  private readonly connect: (() => Redis) | null = null;

  constructor(@Inject(VERDICTS_OPTIONS) options: VerdictsOptions) {
    if (options.redisUrl) {
      const connect = (this.connect = () => {
        const client = new Redis(options.redisUrl as string, { maxRetriesPerRequest: 3, lazyConnect: false });
        client.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
        this.redis.push(client);
        return client;
      });
      this.engine = new RedisPubSub({ publisher: connect(), subscriber: connect() });
    } else {
      this.engine = new PubSub();
    }
  }

  /** Tells subscribers; a failure is logged, never undoes the committed change. */
  async publish(message: VerdictPublishedMessage): Promise<void> {
    try {
      await this.engine.publish(CHANNEL, message);
    } catch (error) {
      this.logger.warn(`Could not publish verdict ${message.verdictId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Calls `listener` on every message (from any process when Redis carries them); returns the unsubscribe. */
  listen(listener: (message: VerdictPublishedMessage) => void): () => void {
    if (!this.connect) {
      const id = this.engine.subscribe(CHANNEL, listener, {});
      return () => void id.then((subId) => this.engine.unsubscribe(subId));
    }
    // A connection of its own, subscribed directly: RedisPubSub leaves a failed subscribe (Redis
    // unreachable) as an unhandled rejection. Messages are RedisPubSub's JSON.
    const client = this.connect();
    client.on('message', (channel: string, raw: string) => {
      if (channel === CHANNEL) listener(JSON.parse(raw) as VerdictPublishedMessage);
    });
    client.subscribe(CHANNEL).catch((error: unknown) => {
      this.logger.warn(`Could not listen for verdict events: ${error instanceof Error ? error.message : String(error)}`);
    });
    return () => void client.unsubscribe(CHANNEL).catch(() => undefined);
  }

  iterator(): AsyncIterableIterator<VerdictPublishedMessage> {
    return this.engine.asyncIterableIterator<VerdictPublishedMessage>(CHANNEL) as AsyncIterableIterator<VerdictPublishedMessage>;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.redis.map((client) => client.quit().catch(() => client.disconnect())));
  }
}
