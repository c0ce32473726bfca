import { registerEnumType } from '@nestjs/graphql';

/**
 * What a member may do in their organisation; each role includes the ones before it.
 * VIEWER reads the shared research and the organisation's drafts; ANNOTATOR captures and annotates;
 * EDITOR writes, reviews and publishes verdicts; ADMIN manages members, tokens, rating scales and webhooks.
 */
export enum Role {
  VIEWER = 'VIEWER',
  ANNOTATOR = 'ANNOTATOR',
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, { name: 'Role' });

const RANK: Record<Role, number> = { VIEWER: 1, ANNOTATOR: 2, EDITOR: 3, ADMIN: 4 };

/** True when `held` includes everything `needed` allows. */
export function roleIncludes(held: Role, needed: Role): boolean {
  return RANK[held] >= RANK[needed];
}
