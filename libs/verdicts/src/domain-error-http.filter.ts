import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '@isnad/common';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, NOT_FOUND: 404, CONFLICT: 409, PAYLOAD_TOO_LARGE: 413 };

/**
 * For the plain HTTP routes (feeds, ClaimReview): the global filter speaks GraphQL, so these
 * controllers answer domain errors with a status and `{ error: code, message }` instead.
 */
@Catch()
export class DomainErrorHttpFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof DomainError) {
      res.status(STATUS[exception.code] ?? 500).json({ error: exception.code, message: exception.message, ...exception.details });
      return;
    }
    if (exception instanceof HttpException) {
      res.status(exception.getStatus()).json({ error: 'BAD_REQUEST', message: exception.message });
      return;
    }
    this.logger.error('Unexpected error', exception instanceof Error ? exception.stack : String(exception));
    res.status(500).json({ error: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
  }
}
