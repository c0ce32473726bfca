import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'isn_';

/** A new token secret: "isn_" and 43 base64url characters (256 random bits). */
export function newTokenSecret(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/**
 * The stored form of a secret. A single SHA-256 is enough for 256-bit random secrets (nothing to
 * brute-force), and lets every request find its token with one indexed lookup.
 */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The part of a secret shown in lists to recognise it. */
export function tokenSecretPrefix(secret: string): string {
  return secret.slice(0, PREFIX.length + 6);
}

/** True when the text has the shape of one of our secrets (cheap check before any lookup). */
export function looksLikeTokenSecret(text: string): boolean {
  return /^isn_[A-Za-z0-9_-]{43}$/.test(text);
}
