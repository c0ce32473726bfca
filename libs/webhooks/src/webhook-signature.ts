import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Headers every delivery carries. */
export const WEBHOOK_HEADERS = {
  id: 'isnad-webhook-id',
  timestamp: 'isnad-webhook-timestamp',
  signature: 'isnad-webhook-signature',
} as const;

/** A new endpoint secret: 32 random bytes, prefixed so it is recognisable in a leak scan. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** `v1=` + hex HMAC-SHA256 over `${timestamp}.${body}` with the endpoint's secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does: recomputes the signature in constant time and refuses timestamps older
 * (or newer) than `toleranceSeconds`, so a captured delivery cannot be replayed later.
 */
export function verifyWebhook(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  toleranceSeconds = 300,
  now = Date.now(),
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds || !headers.signature) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  return headers.signature.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
