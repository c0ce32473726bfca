import { randomUUID } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLError, GraphQLResolveInfo } from 'graphql';
import { Observable, from, lastValueFrom } from 'rxjs';
import { LeavesQueriesAlone, currentRequestScope } from '@isnad/auth';
import { DomainError } from '@isnad/common';
import { redactArguments } from './audit-arguments';
import { runInAuditContext } from './audit-context';
import { AUDIT_OUTCOME_OK, AuditEntry } from './audit-entry.entity';
import { AuditService } from './audit.service';

/**
 * Files every GraphQL mutation in the audit trail: the mutation runs inside an audit context (so
 * the rows it writes are filed under its entry), then its entry is written with the outcome the
 * caller gets. Queries, subscriptions, field resolvers and plain HTTP routes pass straight through.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor, LeavesQueriesAlone {
  /** Root queries never reach intercept's audit (see below): DirectFieldResolvers may call them directly. */
  readonly leavesQueriesAlone = true;

  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info.parentType.name !== 'Mutation') return next.handle();

    const scope = currentRequestScope();
    const actor = scope?.actor ?? null;
    const entry: AuditEntry = {
      id: randomUUID(),
      at: new Date(),
      actorMemberId: actor?.memberId ?? null,
      actorOrganisationId: actor?.organisationId ?? null,
      actorName: actor?.name ?? null,
      tokenId: actor?.tokenId ?? null,
      requestId: scope?.requestId ?? requestIdOf(gql.getContext()),
      operation: info.fieldName,
      arguments: redactArguments(gql.getArgs()) as Record<string, unknown>,
      outcome: AUDIT_OUTCOME_OK,
      errorMessage: null,
    };
    // handle() binds the resolver to the async context it is called in: call it inside the audit context.
    const resolved = runInAuditContext({ entryId: entry.id, memberId: entry.actorMemberId }, () => next.handle());
    return from(this.settle(entry, () => lastValueFrom(resolved, { defaultValue: undefined })));
  }

  private async settle<T>(entry: AuditEntry, run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      await this.audit.record(entry);
      return result;
    } catch (error) {
      await this.audit.record({ ...entry, ...outcomeOf(error) });
      throw error;
    }
  }
}

/** The code and message the caller will see, as GraphQLErrorFilter makes them; internals stay out. */
function outcomeOf(error: unknown): Pick<AuditEntry, 'outcome' | 'errorMessage'> {
  if (error instanceof DomainError) return { outcome: error.code, errorMessage: error.message };
  if (error instanceof GraphQLError && typeof error.extensions?.code === 'string') {
    return { outcome: error.extensions.code, errorMessage: error.message };
  }
  return { outcome: 'INTERNAL_SERVER_ERROR', errorMessage: 'Internal server error' };
}

/** The request id pino-http gave the request (echoed as x-request-id), when there is no request scope yet. */
function requestIdOf(context: { req?: { id?: unknown } } | undefined): string | null {
  const id = context?.req?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}
