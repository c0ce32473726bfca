import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { GqlArgumentsHost, GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from './domain-error';
import { errorBody } from './error-body';

const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  INTERNAL_SERVER_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,
};

/**
 * The one filter between handlers and clients. In GraphQL a DomainError becomes an error carrying
 * its code and details; on plain HTTP routes (feeds, JSON-LD) it becomes the matching status with
 * the same `{ errors: [{ message, extensions: { code } }] }` body. Anything unexpected is logged
 * with where it happened and answered as INTERNAL_SERVER_ERROR without internals.
 */
@Catch()
export class GraphQLErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): GraphQLError | void {
    if (host.getType<string>() === 'http') return this.replyHttp(exception, host);
    if (exception instanceof DomainError) {
      return new GraphQLError(exception.message, { extensions: { ...exception.details, code: exception.code } });
    }
    if (exception instanceof GraphQLError) return exception;
    const info = host.getType<string>() === 'graphql' ? GqlArgumentsHost.create(host).getInfo() : undefined;
    this.logUnexpected(info ? `${info.parentType.name}.${info.fieldName}` : host.getType(), exception);
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

  private logUnexpected(where: string, exception: unknown): void {
    this.logger.error(`Unexpected error in ${where}`, exception instanceof Error ? exception.stack : String(exception));
  }
}
