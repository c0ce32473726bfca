import { ApiToken } from './api-token.entity';
import { Member } from './member.entity';
import { Organisation } from './organisation.entity';

export const AUTH_ENTITIES = [Organisation, Member, ApiToken];
