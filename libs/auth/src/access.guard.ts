import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError, ForbiddenError, UnauthenticatedError } from '@isnad/common';
import { ACCESS_DENIAL_LISTENER, AccessDenialListener } from './access-denials';
import { ACCESS_POLICY, AccessPolicy, actorOf } from './access.decorator';
import { roleIncludes } from './role';

/**
 * The one place access is decided, for every query, mutation, field resolver and HTTP route:
 * undeclared handlers are refused (default deny), public ones pass, the rest need a member whose
 * role includes the declared one and, for organisation-owned objects, the same organisation.
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
    // Runs for every resolved field of every row: the handler's name is only worked out to refuse.
    if (!policy) throw new ForbiddenError(`${describe(context)} declares no access policy, so nobody may use it`);
    if (policy.public) return true;
    const actor = actorOf(context);
    if (!actor) throw new UnauthenticatedError(`${describe(context)} needs an API token (Authorization: Bearer …)`, { requiredRole: policy.role });
    if (!roleIncludes(actor.role, policy.role)) {
      throw new ForbiddenError(`${describe(context)} needs the ${policy.role} role; this token's member is ${actor.role}`, { requiredRole: policy.role });
    }
    if (!policy.ownedBy) return true;
    // ownedBy speaks of a field's parent object; root queries and mutations have none.
    const parent: unknown = context.getType<string>() === 'graphql' ? GqlExecutionContext.create(context).getRoot() : undefined;
    const owner = parent ? (policy.ownedBy as (parent: unknown) => string | null | undefined)(parent) : null;
    if (owner && owner !== actor.organisationId) throw new ForbiddenError(`${describe(context)} belongs to another organisation`);
    return true;
  }
}

function describe(context: ExecutionContext): string {
  if (context.getType<string>() === 'graphql') {
    const info = GqlExecutionContext.create(context).getInfo<{ parentType: { name: string }; fieldName: string }>();
    return `${info.parentType.name}.${info.fieldName}`;
  }
  const request = context.switchToHttp().getRequest<{ method: string; path?: string; url: string }>();
  return `${request.method} ${request.path ?? request.url}`;
}
