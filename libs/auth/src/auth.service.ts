import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, MoreThan } from 'typeorm';
import { ForbiddenError, UnauthenticatedError } from '@isnad/common';
import { EntityRows } from '@isnad/database';
import { ApiToken } from './api-token.entity';
import { ApiTokenNotFoundError, DuplicateMemberEmailError, LastAdminError, MemberNotFoundError, TooManyTokensError } from './auth.errors';
import { CreatedApiToken } from './created-api-token.type';
import { AddMemberInput, ChangeMemberRoleInput, CreateApiTokenInput } from './dto/member.input';
import { Member } from './member.entity';
import { DEFAULT_ORGANISATION_ID, Organisation } from './organisation.entity';
import { Actor } from './request-scope';
import { Role, roleIncludes } from './role';
import { hashTokenSecret, looksLikeTokenSecret, newTokenSecret, tokenSecretPrefix } from './token-secret';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_TOKEN_DAYS = 90;
/** lastUsedAt is refreshed at most this often, so reads do not turn into writes. */
const LAST_USED_RESOLUTION_MS = 60_000;
/** Live (unrevoked, unexpired) API tokens one member may hold through createApiToken. */
export const MAX_LIVE_TOKENS_PER_MEMBER = 20;

/** Members, their roles and their API tokens; and turning a bearer token into an Actor. */
@Injectable()
export class AuthService {
  constructor(private readonly dataSource: DataSource) {}

  /** The member behind a bearer secret; UNAUTHENTICATED when it is unknown, expired, revoked or its member removed. */
  async authenticate(secret: string): Promise<Actor> {
    // Made only to refuse: an Error records its stack when built, and every request with a token passes here.
    const refused = () => new UnauthenticatedError('The API token is not valid (unknown, expired or revoked)');
    if (!looksLikeTokenSecret(secret)) throw refused();
    const token = await this.liveToken({ tokenHash: hashTokenSecret(secret) });
    if (!token) throw refused();
    const now = Date.now();
    if (!token.lastUsedAt || now - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      // Written by hand, as liveToken is: a repository update builds its statement from metadata each time.
      await this.dataSource.query(`UPDATE ${EntityRows.of(this.dataSource, ApiToken).table} SET last_used_at = $1 WHERE id = $2`, [new Date(now), token.id]);
    }
    const { member } = token;
    return { memberId: member.id, organisationId: member.organisationId, role: member.role, tokenId: token.id, name: member.name };
  }

  /** The token with its member, or null when there is none, or it expired, was revoked, or its member was removed. */
  async liveToken(where: { tokenHash: string } | { id: string }): Promise<(ApiToken & { member: Member }) | null> {
    // One statement on the unique token_hash (or primary key) index, written once: every request
    // with a token runs it, and findOne with relations would add a DISTINCT id query first.
    const tokens = EntityRows.of(this.dataSource, ApiToken);
    const members = EntityRows.of(this.dataSource, Member);
    const [row]: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${tokens.select('t')}, ${members.select('m')} FROM ${tokens.table} t JOIN ${members.table} m ON m.id = t.member_id
        WHERE ${'tokenHash' in where ? 't.token_hash' : 't.id'} = $1`,
      ['tokenHash' in where ? where.tokenHash : where.id],
    );
    const token = row ? Object.assign(tokens.fromRow(row, 't'), { member: members.fromRow(row, 'm') }) : null;
    if (!token?.member || token.revokedAt || token.member.removedAt || (token.expiresAt && token.expiresAt.getTime() <= Date.now())) {
      return null;
    }
    return token as ApiToken & { member: Member };
  }

  /** Makes the bootstrap secret an ADMIN token of the default organisation, unless some token already has it. */
  async ensureBootstrapAdmin(secret: string): Promise<void> {
    if (!looksLikeTokenSecret(secret)) throw new Error('ISNAD_BOOTSTRAP_ADMIN_TOKEN must be "isn_" followed by 43 base64url characters');
    const tokenHash = hashTokenSecret(secret);
    if (await this.dataSource.getRepository(ApiToken).existsBy({ tokenHash })) return;
    await this.dataSource.transaction(async (manager) => {
      const member = await manager.save(
        Member,
        manager.create(Member, { organisationId: DEFAULT_ORGANISATION_ID, name: 'Bootstrap admin', email: null, role: Role.ADMIN }),
      );
      await manager.insert(ApiToken, {
        memberId: member.id,
        name: 'ISNAD_BOOTSTRAP_ADMIN_TOKEN',
        prefix: tokenSecretPrefix(secret),
        tokenHash,
        expiresAt: null,
      });
    });
  }

  /** For operators (CLI) and tests: a new organisation. */
  createOrganisation(name: string, url: string | null = null): Promise<Organisation> {
    return this.dataSource.getRepository(Organisation).save({ name, url });
  }

  /** Adds a member to the organisation; CONFLICT when the email is taken there. */
  addMember(organisationId: string, input: AddMemberInput): Promise<Member> {
    return this.dataSource.transaction(async (manager) => {
      const email = input.email?.trim().toLowerCase() || null;
      if (email && (await manager.existsBy(Member, { organisationId, email, removedAt: IsNull() }))) {
        throw new DuplicateMemberEmailError(email);
      }
      return manager.save(Member, manager.create(Member, { organisationId, name: input.name.normalize('NFC').trim(), email, role: input.role }));
    });
  }

  /** The member with this id in the actor's organisation (NOT_FOUND for other organisations' members). */
  async member(organisationId: string, id: string): Promise<Member> {
    const member = await this.dataSource.getRepository(Member).findOneBy({ id, organisationId });
    if (!member) throw new MemberNotFoundError(id);
    return member;
  }

  /** Current members of an organisation, oldest first. */
  members(organisationId: string): Promise<Member[]> {
    return this.dataSource
      .getRepository(Member)
      .find({ where: { organisationId, removedAt: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Organisations by id (for loaders and bundles), in no particular order. */
  organisationsByIds(ids: readonly string[]): Promise<Organisation[]> {
    return ids.length ? this.dataSource.getRepository(Organisation).findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /** Changes a member's role; the organisation always keeps one admin. */
  changeRole(actor: Actor, input: ChangeMemberRoleInput): Promise<Member> {
    return this.dataSource.transaction(async (manager) => {
      const member = await this.lockMember(manager, actor.organisationId, input.memberId);
      if (member.role === Role.ADMIN && input.role !== Role.ADMIN) await this.keepOneAdmin(manager, member);
      member.role = input.role;
      return manager.save(member);
    });
  }

  /** Removes a member and revokes their tokens; the organisation always keeps one admin. */
  removeMember(actor: Actor, memberId: string): Promise<Member> {
    return this.dataSource.transaction(async (manager) => {
      const member = await this.lockMember(manager, actor.organisationId, memberId);
      if (member.removedAt) return member;
      if (member.role === Role.ADMIN) await this.keepOneAdmin(manager, member);
      member.removedAt = new Date();
      await manager.update(ApiToken, { memberId, revokedAt: IsNull() }, { revokedAt: member.removedAt });
      return manager.save(member);
    });
  }

  /** A new token for the actor, or (admins only) for another member of their organisation. */
  async createToken(actor: Actor, input: CreateApiTokenInput): Promise<CreatedApiToken> {
    if (actor.viaSession) throw new ForbiddenError('A session token cannot make API tokens: use an API token');
    const memberId = input.memberId ?? actor.memberId;
    if (memberId !== actor.memberId && !roleIncludes(actor.role, Role.ADMIN)) {
      throw new ForbiddenError('Only admins create tokens for other members');
    }
    const member = await this.member(actor.organisationId, memberId);
    if (member.removedAt) throw new MemberNotFoundError(memberId);
    const live = await this.dataSource
      .getRepository(ApiToken)
      .countBy({ memberId: member.id, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) });
    if (live >= MAX_LIVE_TOKENS_PER_MEMBER) throw new TooManyTokensError(MAX_LIVE_TOKENS_PER_MEMBER);
    return this.issueToken(member.id, input.name, input.expiresInDays ?? DEFAULT_TOKEN_DAYS);
  }

  /** Creates a token for a member (no permission check: callers have done it, or are operators). */
  async issueToken(memberId: string, name: string, expiresInDays: number): Promise<CreatedApiToken> {
    const secret = newTokenSecret();
    const token = await this.dataSource.getRepository(ApiToken).save({
      memberId,
      name: name.normalize('NFC').trim(),
      prefix: tokenSecretPrefix(secret),
      tokenHash: hashTokenSecret(secret),
      expiresAt: new Date(Date.now() + expiresInDays * DAY_MS),
      lastUsedAt: null,
      revokedAt: null,
    });
    return { token, secret };
  }

  /** The actor's own tokens; admins may list any member's of their organisation, or all of them. */
  tokens(actor: Actor, memberId?: string): Promise<ApiToken[]> {
    const isAdmin = roleIncludes(actor.role, Role.ADMIN);
    if (memberId && memberId !== actor.memberId && !isAdmin) throw new ForbiddenError('Only admins list other members\' tokens');
    const query = this.dataSource
      .getRepository(ApiToken)
      .createQueryBuilder('token')
      .innerJoin('token.member', 'member')
      .where('member.organisation_id = :organisationId', { organisationId: actor.organisationId })
      .orderBy('token.created_at', 'DESC')
      .addOrderBy('token.id', 'DESC');
    if (memberId || !isAdmin) query.andWhere('token.member_id = :memberId', { memberId: memberId ?? actor.memberId });
    return query.getMany();
  }

  /** Revokes one of the actor's tokens, or (admins) any token of their organisation. Revoking twice is harmless. */
  async revokeToken(actor: Actor, tokenId: string): Promise<ApiToken> {
    const token = await this.dataSource.getRepository(ApiToken).findOne({ where: { id: tokenId }, relations: { member: true } });
    const mine = token?.memberId === actor.memberId;
    const sameOrganisation = token?.member?.organisationId === actor.organisationId;
    if (!token || !sameOrganisation || (!mine && !roleIncludes(actor.role, Role.ADMIN))) throw new ApiTokenNotFoundError(tokenId);
    if (!token.revokedAt) {
      token.revokedAt = new Date();
      await this.dataSource.getRepository(ApiToken).update(token.id, { revokedAt: token.revokedAt });
    }
    delete token.member;
    return token;
  }

  private async lockMember(manager: EntityManager, organisationId: string, id: string): Promise<Member> {
    const member = await manager.findOne(Member, { where: { id, organisationId }, lock: { mode: 'pessimistic_write' } });
    if (!member) throw new MemberNotFoundError(id);
    return member;
  }

  private async keepOneAdmin(manager: EntityManager, leaving: Member): Promise<void> {
    // Lock every admin row of the organisation so two simultaneous demotions cannot both pass.
    const admins = await manager.find(Member, {
      where: { organisationId: leaving.organisationId, role: Role.ADMIN, removedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (admins.filter((admin) => admin.id !== leaving.id).length === 0) throw new LastAdminError(leaving.id);
  }
}
