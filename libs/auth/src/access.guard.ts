import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError, ForbiddenError, UnauthenticatedError } from '@isnad/common';
import { ACCESS_DENIAL_LISTENER, AccessDenialListener } from './access-denials';
import { ACCESS_POLICY, AccessPolicy, actorOf } from './access.decorator';
import { Actor } from './request-scope';
import { roleIncludes } from './role';

/**
 * Access for every query, mutation and HTTP route (field resolvers: DirectFieldResolvers, by the
 * same assertAccess): undeclared handlers are refused (default deny), public ones pass, the rest
 * need a member whose role includes the declared one and, for organisation-owned objects, the same
 * organisation.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(ACCESS_DENIAL_LISTENER) private readonly denials?: AccessDenialListener,
  ) {}

  /** Synchronous when access is granted (every field of every row passes here); a refusal waits for its report. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    try {
      return this.check(context);
    } catch (error) {
      return this.reportDenial(context, error).then(() => {
        throw error;
      });
    }
  }

  /** A member refused a mutation is worth the admins' attention; anonymous probes are not attributable. */
  private async reportDenial(context: ExecutionContext, error: unknown): Promise<void> {
    const actor = actorOf(context);
    if (!this.denials || !actor || !(error instanceof DomainError) || context.getType<string>() !== 'graphql') return;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<{ parentType: { name: string }; fieldName: string }>();
    if (info.parentType.name !== 'Mutation') return;
    const requestId = (gql.getContext<{ req?: { id?: unknown } }>().req?.id as string | undefined) ?? null;
    await this.denials.mutationDenied({ actor, operation: info.fieldName, args: gql.getArgs(), error, requestId });
  }

  private check(context: ExecutionContext): boolean {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    // ownedBy speaks of a field's parent object; root queries and mutations have none.
    const parent = () => (context.getType<string>() === 'graphql' ? GqlExecutionContext.create(context).getRoot<unknown>() : undefined);
    assertAccess(policy, actorOf(context), parent, () => describe(context));
    return true;
  }
}

/**
 * The access rule itself, shared by AccessGuard and the field resolvers DirectFieldResolvers calls
 * (which look `policy` up once, at start-up): throws UNAUTHENTICATED or FORBIDDEN, or returns.
 * `parent` and `where` are only called when needed (ownedBy, a refusal's message).
 */
export function assertAccess(policy: AccessPolicy | undefined, actor: Actor | null, parent: () => unknown, where: () => string): void {
  // Runs for every resolved field of every row: the handler's name is only worked out to refuse.
  if (!policy) throw new ForbiddenError(`${where()} declares no access policy, so nobody may use it`);
  if (policy.public) return;
  if (!actor) throw new UnauthenticatedError(`${where()} needs an API token (Authorization: Bearer …)`, { requiredRole: policy.role });
  if (!roleIncludes(actor.role, policy.role)) {
    throw new ForbiddenError(`${where()} needs the ${policy.role} role; this token's member is ${actor.role}`, { requiredRole: policy.role });
  }
  if (!policy.ownedBy) return;
  const root = parent();
  const owner = root ? (policy.ownedBy as (parent: unknown) => string | null | undefined)(root) : null;
  if (owner && owner !== actor.organisationId) throw new ForbiddenError(`${where()} belongs to another organisation`);
}

function describe(context: ExecutionContext): string {
  if (context.getType<string>() === 'graphql') {
    const info = GqlExecutionContext.create(context).getInfo<{ parentType: { name: string }; fieldName: string }>();
    return `${info.parentType.name}.${info.fieldName}`;
  }
  const request = context.switchToHttp().getRequest<{ method: string; path?: string; url: string }>();
  return `${request.method} ${request.path ?? request.url}`;
}
