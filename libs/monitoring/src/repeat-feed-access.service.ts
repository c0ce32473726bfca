import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '@isnad/auth';
import { RepeatFeedKey } from './repeat-feed-key.entity';

/** Whether a request may read an organisation's repeats feed. */
export type RepeatFeedAccess = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Who may read an organisation's repeats Atom feed: its members (any role), by the usual bearer
 * token, or a feed reader holding the organisation's feed key in the URL (`?key=`, redacted from
 * logs). The key reads this one feed and nothing else, unlike an API token in a URL would; making
 * a new key or revoking it shuts out every reader of the old one.
 */
@Injectable()
export class RepeatFeedAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new feed key for the member's organisation (the old one stops working); shown once. */
  async rotate(actor: Actor): Promise<{ key: string; createdAt: Date }> {
    const key = randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO repeat_feed_keys (organisation_id, key_sha256) VALUES ($1, $2)
       ON CONFLICT (organisation_id) DO UPDATE SET key_sha256 = EXCLUDED.key_sha256, created_at = now()`,
      [actor.organisationId, sha256(key).toString('hex')],
    );
    const row = await this.dataSource.getRepository(RepeatFeedKey).findOneByOrFail({ organisationId: actor.organisationId });
    return { key, createdAt: row.createdAt };
  }

  /** Revokes the organisation's feed key; true when there was one. */
  async revoke(actor: Actor): Promise<boolean> {
    const result = await this.dataSource.getRepository(RepeatFeedKey).delete({ organisationId: actor.organisationId });
    return (result.affected ?? 0) > 0;
  }

  async admits(organisationId: string, actor: Actor | null, key: string | undefined): Promise<RepeatFeedAccess> {
    if (actor) return actor.organisationId === organisationId ? 'ALLOWED' : 'FORBIDDEN';
    if (!key) return 'UNAUTHENTICATED';
    const stored = await this.dataSource.getRepository(RepeatFeedKey).findOneBy({ organisationId });
    if (!stored) return 'UNAUTHENTICATED';
    return timingSafeEqual(Buffer.from(stored.keySha256, 'hex'), sha256(key)) ? 'ALLOWED' : 'UNAUTHENTICATED';
  }
}
