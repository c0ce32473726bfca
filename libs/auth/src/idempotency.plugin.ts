import { Plugin } from '@nestjs/apollo';
import { type ApolloServerPlugin, type GraphQLRequestListener, type GraphQLResponse, HeaderMap } from '@apollo/server';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { gateError } from '@isnad/common';
import { IdempotencyKey } from './idempotency-key.entity';
import { Actor } from './request-scope';

/** How long a key's answer is kept and replayed. */
export const IDEMPOTENCY_KEY_HOURS = 24;
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
// Answers that say "try again" are not kept: the retry must do the work.
const RETRYABLE_CODES = new Set(['SERVICE_UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR', 'OPERATION_TIMEOUT']);

/**
 * `Idempotency-Key: <1-200 visible ASCII characters>` on a mutation, per API token, for 24 hours:
 * the first request runs and its answer is kept; a retry with the same key and the same request
 * gets that answer again (header `Idempotent-Replayed: true`) without running; the same key on a
 * different request, or while the first is still running, is CONFLICT (409). Anonymous callers
 * and queries are unaffected. The key is claimed by inserting its row, so concurrent retries
 * cannot both run.
 */
@Plugin()
export class IdempotencyPlugin implements ApolloServerPlugin<{ actor?: Actor | null }> {
  constructor(private readonly dataSource: DataSource) {}

  async requestDidStart(): Promise<GraphQLRequestListener<{ actor?: Actor | null }>> {
    let claimed: { tokenId: string; key: string } | null = null;
    let replay: IdempotencyKey | null = null;
    const repository = this.dataSource.getRepository(IdempotencyKey);
    return {
      didResolveOperation: async ({ request, operation, contextValue }) => {
        const key = request.http?.headers.get('idempotency-key');
        const actor = contextValue.actor;
        if (key === undefined || key === null || operation?.operation !== 'mutation' || !actor) return;
        if (!KEY_PATTERN.test(key)) {
          throw gateError('BAD_USER_INPUT', 'Idempotency-Key must be 1 to 200 visible ASCII characters', { field: 'Idempotency-Key' });
        }
        const requestHash = createHash('sha256')
          .update(JSON.stringify([request.query ?? '', request.operationName ?? null, request.variables ?? {}]))
          .digest('hex');
        const where = { tokenId: actor.tokenId, key };
        await this.dataSource.query(
          `DELETE FROM idempotency_keys WHERE token_id = $1 AND key = $2 AND created_at < now() - make_interval(hours => $3)`,
          [actor.tokenId, key, IDEMPOTENCY_KEY_HOURS],
        );
        const inserted = await repository
          .createQueryBuilder()
          .insert()
          .values({ ...where, requestHash, response: null, httpStatus: null })
          .orIgnore()
          .returning(['key'])
          .execute();
        if (inserted.raw.length) {
          claimed = where;
          return;
        }
        const kept = await repository.findOneBy(where);
        if (!kept || kept.requestHash !== requestHash) {
          throw gateError('CONFLICT', 'This Idempotency-Key was used for a different request; use a new key', { reason: 'IDEMPOTENCY_KEY_REUSED' }, 409);
        }
        if (!kept.response) {
          throw gateError('CONFLICT', 'A request with this Idempotency-Key is still running; retry shortly', { reason: 'IDEMPOTENCY_KEY_IN_USE' }, 409);
        }
        replay = kept;
      },
      responseForOperation: async () => {
        if (!replay?.response) return null;
        const http = { status: replay.httpStatus ?? 200, headers: new HeaderMap([['idempotent-replayed', 'true']]) };
        return { http, body: { kind: 'single', singleResult: replay.response } } as GraphQLResponse;
      },
      willSendResponse: async ({ response }) => {
        if (!claimed || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        const retryable = result.errors?.some((e) => RETRYABLE_CODES.has(String(e.extensions?.code)));
        if (retryable) {
          await repository.delete(claimed);
          return;
        }
        const { extensions: _extensions, ...kept } = result;
        await this.dataSource.query(`UPDATE idempotency_keys SET response = $1::jsonb, http_status = $2 WHERE token_id = $3 AND key = $4`, [
          JSON.stringify(kept),
          response.http.status ?? 200,
          claimed.tokenId,
          claimed.key,
        ]);
      },
    };
  }
}
