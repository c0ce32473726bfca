import { Logger } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import Redis from 'ioredis';

/**
 * One live channel behind a GraphQL subscription: Redis pub/sub when a Redis URL is given (a
 * message published by one API process reaches subscribers of every process), in-process
 * otherwise. Live only: a subscriber that is not connected misses messages.
 */
export class LiveChannel<T> {
  private readonly engine: PubSubEngine;
  private readonly redis: Redis[] = [];
  /** A new Redis connection (closed on close()), or null without a Redis URL. */
  private readonly connect: (() => Redis) | null = null;

  constructor(
    private readonly channel: string,
    redisUrl: string | null,
    private readonly logger: Logger,
  ) {
    if (redisUrl) {
      const connect = (this.connect = () => {
        const client = new Redis(redisUrl, { maxRetriesPerRequest: 3, lazyConnect: false });
        client.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
        this.redis.push(client);
        return client;
      });
      this.engine = new RedisPubSub({ publisher: connect(), subscriber: connect() });
    } else {
      this.engine = new PubSub();
    }
  }

  /** Tells subscribers; a failure is logged (with `what`), never thrown: the change it reports is committed. */
  async publish(message: T, what: string): Promise<void> {
    try {
      await this.engine.publish(this.channel, message);
    } catch (error) {
      this.logger.warn(`Could not publish ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Calls `listener` on every message (from any process when Redis carries them); returns the unsubscribe. */
  listen(listener: (message: T) => void): () => void {
    if (!this.connect) {
      const id = this.engine.subscribe(this.channel, listener, {});
      return () => void id.then((subId) => this.engine.unsubscribe(subId));
    }
    // A connection of its own, subscribed directly: RedisPubSub leaves a failed subscribe (Redis
    // unreachable) as an unhandled rejection. Messages are RedisPubSub's JSON.
    const client = this.connect();
    client.on('message', (channel: string, raw: string) => {
      if (channel === this.channel) listener(JSON.parse(raw) as T);
    });
    client.subscribe(this.channel).catch((error: unknown) => {
      this.logger.warn(`Could not listen on ${this.channel}: ${error instanceof Error ? error.message : String(error)}`);
    });
    return () => void client.unsubscribe(this.channel).catch(() => undefined);
  }

  iterator(): AsyncIterableIterator<T> {
    return this.engine.asyncIterableIterator<T>(this.channel) as AsyncIterableIterator<T>;
  }

  async close(): Promise<void> {
    await Promise.all(this.redis.map((client) => client.quit().catch(() => client.disconnect())));
  }
}
