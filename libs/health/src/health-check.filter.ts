import { ArgumentsHost, Catch, ExceptionFilter, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';

/**
 * A failed readiness check answers 503 with Terminus' own body (`status`, `info`, `error`,
 * `details`: which check is down and why), the shape load balancers and operators expect, rather
 * than the API's generic error body the global filter would make of it.
 */
@Catch(ServiceUnavailableException)
export class HealthCheckFilter implements ExceptionFilter {
  catch(exception: ServiceUnavailableException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (!response.headersSent) response.status(exception.getStatus()).json(exception.getResponse());
  }
}
