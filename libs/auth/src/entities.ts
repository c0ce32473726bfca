import { ApiToken } from './api-token.entity';
import { IdempotencyKey } from './idempotency-key.entity';
import { Member } from './member.entity';
import { Organisation } from './organisation.entity';

export const AUTH_ENTITIES = [Organisation, Member, ApiToken, IdempotencyKey];
