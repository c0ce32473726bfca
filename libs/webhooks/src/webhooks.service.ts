import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ChildPageSpec, Connection, DEFAULT_PAGE_SIZE, ForbiddenError, PageArgs, childPageIds, decodeCursor, toConnection } from '@isnad/common';
import { Actor, DEFAULT_ORGANISATION_ID } from '@isnad/auth';
import { VerdictOutboxService } from '@isnad/verdicts';
import { RegisterWebhookInput, WebhookRegistration } from './dto/register-webhook.input';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEgress } from './webhook-egress';
import { newWebhookSecret } from './webhook-signature';
import { WebhookEndpointNotFoundError } from './webhooks.errors';
import { WEBHOOKS_OPTIONS, WebhooksOptions, retryDelayMs } from './webhooks.options';

/** A delivery claimed for one attempt, with what to send. */
export interface ClaimedDelivery {
  delivery: WebhookDelivery;
  endpoint: WebhookEndpoint;
  /** The JSON body, identical on every attempt. */
  body: string;
}

const DELIVERIES_OF_ENDPOINT: ChildPageSpec = { table: 'webhook_deliveries', parentColumn: 'endpoint_id', sortColumn: 'created_at', order: 'DESC' };

/** Partners' endpoints and the record of every delivery to them. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: VerdictOutboxService,
    @Inject(WEBHOOKS_OPTIONS) private readonly options: WebhooksOptions,
    private readonly egress: WebhookEgress,
  ) {}

  /**
   * Registers a partner URL and returns its new signing secret (shown this once, never again by
   * any query). The URL must be http(s), without credentials, and resolve to public addresses only.
   */
  async register(input: RegisterWebhookInput, actor: Actor): Promise<WebhookRegistration> {
    if (input.organisationId && input.organisationId !== actor.organisationId) {
      throw new ForbiddenError('Webhooks are registered for your own organisation', { field: 'organisationId' });
    }
    await this.egress.checkRegistration(input.url);
    const secret = newWebhookSecret();
    const endpoint = await this.dataSource.getRepository(WebhookEndpoint).save({
      url: input.url,
      description: input.description?.trim() || null,
      organisationId: actor.organisationId,
      secret,
      active: true,
    });
    return { endpoint, secret };
  }

  async endpoints(organisationId: string = DEFAULT_ORGANISATION_ID): Promise<WebhookEndpoint[]> {
    return this.dataSource.getRepository(WebhookEndpoint).find({ where: { organisationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async getEndpoint(id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.dataSource.getRepository(WebhookEndpoint).findOneBy({ id });
    if (!endpoint) throw new WebhookEndpointNotFoundError(id);
    return endpoint;
  }

  /** One page of deliveries, newest first, for each of several endpoints, in two statements. */
  async deliveryPagesOf(endpointIds: readonly string[], page: PageArgs): Promise<Map<string, Connection<WebhookDelivery>>> {
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    const after = page.after ? decodeCursor(page.after) : null;
    const ids = await childPageIds(this.dataSource, DELIVERIES_OF_ENDPOINT, endpointIds, first, after);
    const rows = ids.length ? await this.dataSource.getRepository(WebhookDelivery).findBy({ id: In(ids) }) : [];
    rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
    return new Map(
      endpointIds.map((id) => [
        id,
        toConnection(rows.filter((d) => d.endpointId === id), first, (d) => ({ value: d.createdAt.toISOString(), id: d.id })),
      ]),
    );
  }

  /**
   * Turns new outbox events into one PENDING delivery per active endpoint of the organisation, in
   * the transaction that marks the events dispatched: an event is fanned out exactly once.
   */
  async fanOut(limit = 100): Promise<number> {
    return this.outbox.drain(limit, async (manager, events) => {
      await manager.query(
        `INSERT INTO webhook_deliveries (event_id, endpoint_id, event_type)
         SELECT ev.id, ep.id, ev.type
           FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS ev(id, organisation_id, type)
           JOIN webhook_endpoints ep ON ep.organisation_id = ev.organisation_id AND ep.active
         ON CONFLICT (event_id, endpoint_id) DO NOTHING`,
        [events.map((e) => e.id), events.map((e) => e.organisationId), events.map((e) => e.type)],
      );
    });
  }

  /**
   * Claims up to `limit` due deliveries for one attempt each: counts the attempt and leases the row
   * for leaseMs, so a worker that dies mid-delivery leaves it to be retried when the lease ends,
   * with the same delivery id for the receiver to deduplicate.
   */
  async claimDue(limit = 20, only?: readonly string[]): Promise<ClaimedDelivery[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      // Wrapped in a SELECT so the driver returns the rows (a bare UPDATE gives [rows, count]).
      `WITH claimed AS (
         UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = now() + ($2 || ' milliseconds')::interval
          WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'PENDING' AND next_attempt_at <= now()
                        ${only ? 'AND id = ANY($3::uuid[])' : ''}
                        ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id
       ) SELECT id FROM claimed`,
      only ? [limit, String(this.options.leaseMs), [...only]] : [limit, String(this.options.leaseMs)],
    );
    return this.loadClaimed(rows.map((r) => r.id));
  }

  /** Ids of PENDING deliveries due now and not leased: what the queue should hold a job for. */
  async dueIds(limit = 500): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM webhook_deliveries WHERE status = 'PENDING' AND next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /** The delivery with its endpoint and body, for a queue job that names it. */
  async loadClaimed(ids: readonly string[]): Promise<ClaimedDelivery[]> {
    if (!ids.length) return [];
    const deliveries = await this.dataSource.getRepository(WebhookDelivery).findBy({ id: In([...ids]) });
    const endpoints = new Map(
      (await this.dataSource.getRepository(WebhookEndpoint).findBy({ id: In([...new Set(deliveries.map((d) => d.endpointId))]) })).map(
        (e) => [e.id, e],
      ),
    );
    const events = new Map((await this.outbox.findByIds([...new Set(deliveries.map((d) => d.eventId))])).map((e) => [e.id, e]));
    return deliveries.flatMap((delivery) => {
      const endpoint = endpoints.get(delivery.endpointId);
      const event = events.get(delivery.eventId);
      if (!endpoint || !event) return [];
      const body = JSON.stringify({
        id: delivery.id,
        type: event.type,
        createdAt: event.createdAt.toISOString(),
        data: event.payload,
      });
      return [{ delivery, endpoint, body }];
    });
  }

  async recordSuccess(id: string, status: number): Promise<void> {
    await this.dataSource.getRepository(WebhookDelivery).update(
      { id, status: WebhookDeliveryStatus.PENDING },
      { status: WebhookDeliveryStatus.DELIVERED, lastStatus: status, lastError: null, deliveredAt: () => 'now()' },
    );
  }

  /**
   * Schedules the next attempt with backoff, or marks the delivery FAILED after maxAttempts. With
   * `retry: 'queue'` the queue owns the backoff: the row is due again at once and FAILED only when
   * the queue says this was the last attempt (`final`). A `permanent` failure is FAILED at once.
   */
  async recordFailure(
    delivery: WebhookDelivery,
    status: number | null,
    error: string,
    retry: { by: 'database' } | { by: 'queue'; final: boolean } = { by: 'database' },
    permanent = false,
  ): Promise<void> {
    const failed = permanent || (retry.by === 'queue' ? retry.final : delivery.attempts >= this.options.maxAttempts);
    const delay = retry.by === 'queue' ? 0 : retryDelayMs(this.options, delivery.attempts);
    await this.dataSource.query(
      `UPDATE webhook_deliveries
          SET status = $2, last_status = $3, last_error = $4, next_attempt_at = now() + ($5 || ' milliseconds')::interval
        WHERE id = $1 AND status = 'PENDING'`,
      [delivery.id, failed ? WebhookDeliveryStatus.FAILED : WebhookDeliveryStatus.PENDING, status, error.slice(0, 1000), String(delay)],
    );
  }
}
