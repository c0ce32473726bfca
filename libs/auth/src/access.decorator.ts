import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Actor } from './request-scope';
import { Role } from './role';

export const ACCESS_POLICY = 'isnad:access-policy';

/** Who may call a query, mutation, field or HTTP route. Every one must declare it; the guard denies the rest. */
export type AccessPolicy =
  | { public: true }
  | {
      public?: false;
      /** The least role the member needs. */
      role: Role;
      /** For fields of organisation-owned objects: the owning organisation, which must be the member's. */
      ownedBy?: (parent: never) => string | null | undefined;
    };

/** Anyone, with or without a token: published verdicts, feeds, the public parts of claims. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_POLICY, { public: true } satisfies AccessPolicy);

/** Members whose role includes `role` (and, with `ownedBy`, only for their own organisation's objects). */
export const Access = <P>(role: Role, options: { ownedBy?: (parent: P) => string | null | undefined } = {}): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_POLICY, { role, ownedBy: options.ownedBy } satisfies AccessPolicy);

/** The member making the request, or null for anonymous callers. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor | null => actorOf(context));

/** The actor the auth middleware attached to the request (GraphQL context or HTTP request). */
export function actorOf(context: ExecutionContext): Actor | null {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ actor?: Actor | null }>().actor ?? null;
  }
  return context.switchToHttp().getRequest<{ actor?: Actor | null }>().actor ?? null;
}
