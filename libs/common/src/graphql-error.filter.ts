import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { GqlArgumentsHost, GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable, unavailableErrorFor } from './database-unavailable';
import { DomainError, ErrorCode, ServiceUnavailableError } from './domain-error';
import { errorBody } from './error-body';

const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  SERVICE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  FETCH_FAILED: HttpStatus.BAD_GATEWAY,
  INTERNAL_SERVER_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,
};

/**
 * The one filter between handlers and clients. In GraphQL a DomainError becomes an error carrying
 * its code and details; on plain HTTP routes (feeds, JSON-LD) it becomes the matching status with
 * the same `{ errors: [{ message, extensions: { code } }] }` body. A database that cannot be reached
 * (restarting, down, connection dropped) becomes SERVICE_UNAVAILABLE, retryable. Anything else
 * unexpected is logged with where it happened and answered as INTERNAL_SERVER_ERROR without internals.
 *
 * In GraphQL, SERVICE_UNAVAILABLE keeps HTTP 200 like every other resolver error (the code is in
 * the body, next to any data other fields did get); plain HTTP routes answer 503 with Retry-After.
 */
@Catch()
export class GraphQLErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(caught: unknown, host: ArgumentsHost): GraphQLError | void {
    if (host.getType<string>() === 'http') return this.replyHttp(this.unavailableOrAsIs(caught), host);
    return this.toGraphQLError(caught, () => {
      const info = host.getType<string>() === 'graphql' ? GqlArgumentsHost.create(host).getInfo() : undefined;
      return info ? `${info.parentType.name}.${info.fieldName}` : host.getType();
    });
  }

  /** What a GraphQL client is told of `caught`, thrown at `where` (worked out only to log the unexpected). */
  toGraphQLError(caught: unknown, where: () => string): GraphQLError {
    const exception = this.unavailableOrAsIs(caught);
    if (exception instanceof DomainError) {
      return new GraphQLError(exception.message, { extensions: { ...exception.details, code: exception.code } });
    }
    if (exception instanceof GraphQLError) return exception;
    this.logUnexpected(where(), exception);
    return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }

  private replyHttp(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    let status: number = HttpStatus.INTERNAL_SERVER_ERROR;
    let body: ReturnType<typeof errorBody>;
    if (exception instanceof DomainError) {
      status = HTTP_STATUS[exception.code];
      body = errorBody(exception.code, exception.message, exception.details);
      if (exception instanceof ServiceUnavailableError && !response.headersSent) response.setHeader('Retry-After', '1');
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const code = status === HttpStatus.NOT_FOUND ? 'NOT_FOUND' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
      body = errorBody(code, exception.message);
    } else {
      const request = http.getRequest<{ method: string; url: string }>();
      this.logUnexpected(`${request.method} ${request.url}`, exception);
      body = errorBody('INTERNAL_SERVER_ERROR', 'Internal server error');
    }
    if (!response.headersSent) response.status(status).json(body);
  }

  // Logged as a warning with the driver's words: an operator wants to see the outage, a client
  // only that it may retry.
  private unavailableOrAsIs(exception: unknown): unknown {
    if (exception instanceof DomainError || !isDatabaseUnavailable(exception)) return exception;
    const fault = unavailableErrorFor(exception);
    const said = exception instanceof Error ? exception.message : String(exception);
    if (fault.diskFull) this.logger.error(`Database write refused: the disk holding ${fault.where} is full (${said})`);
    else this.logger.warn(`Database unavailable: ${said}`);
    return new ServiceUnavailableError(fault.message, fault.diskFull ? { reason: fault.reason } : {});
  }

  private logUnexpected(where: string, exception: unknown): void {
    this.logger.error(`Unexpected error in ${where}`, exception instanceof Error ? exception.stack : String(exception));
  }
}
