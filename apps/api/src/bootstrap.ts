import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { isUtf8 } from 'node:buffer';
import express, { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { LogLevelName, assignRequestId, errorBody, setDatabaseLocation, textProblem } from '@isnad/common';
import { RateLimitMiddleware } from '@isnad/rate-limits';
import { PublicPageMiddleware } from '@isnad/verdicts';
import { AppConfig } from './app.config';
import { AppModule } from './app.module';
import { answerPublicPagesAheadOfExpress, queryMayHoldBadText } from './public-page-fast-path';
import { serveWorkspace } from './workspace';

/**
 * Creates the API application (not yet listening): the modules, the rate limits (counted before a
 * body is read), and a JSON body parser whose failures (too large, malformed) answer as GraphQL
 * errors with a code rather than HTML pages.
 */
export async function createApp(
  config: AppConfig,
  options: { logger?: LogLevel[]; logDestination?: NodeJS.WritableStream } = {},
): Promise<INestApplication> {
  // `logger` (Nest's level list) lowers the configured level for scripts and tests.
  const logLevel = options.logger ? pinoLevelOf(options.logger) : (config.logLevel ?? 'info');
  // Named in storage-fault logs and readiness ("the disk holding PGlite in /var/lib/isnad is full").
  setDatabaseLocation(config.database.kind === 'postgres' ? 'the PostgreSQL server' : `PGlite in ${config.database.dataDir ?? 'memory'}`);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ ...config, logLevel }, options.logDestination),
    // abortOnError: false: a failed start rejects (main exits with it) instead of Nest calling
    // process.exit, which would take a whole Jest worker down with it.
    { bodyParser: false, bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  // req.ip, which the per-address limit counts by, trusts X-Forwarded-For only from these proxies.
  app.set('trust proxy', config.trustProxy ?? false);
  // No X-Powered-By: Express on every answer; it only tells a scanner which stack to try.
  app.disable('x-powered-by');
  const rateLimits = app.get(RateLimitMiddleware);
  if (rateLimits.enabled) app.use((req: Request, res: Response, next: NextFunction) => rateLimits.use(req, res, next));
  // Anonymous requests for cached public pages (feeds, ClaimReview) and their 304s, answered here,
  // once counted: they need no logger line, body parser, token check or router.
  const publicPages = app.get(PublicPageMiddleware);
  app.use((req: Request, res: Response, next: NextFunction) => {
    // An answer given here never reaches the request log, which would echo the request's id: give it one.
    assignRequestId(req, res);
    // Not even a 304 for a query string refuseBadQueryText refuses below.
    if (queryMayHoldBadText(req.url) && queryTextProblem(req.query)) return next();
    publicPages.early(req, res, next);
  });
  // verify: a body that is not UTF-8 is refused rather than read with U+FFFD in place of its bytes.
  // GraphQL answers depend on the caller: never stored by a cache on the way (Apollo's cache-control
  // plugin, which said the same per response, is off: it hooked into every field).
  app.use('/graphql', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(express.json({ limit: config.bodyLimitBytes, verify: refuseInvalidUtf8 }));
  app.use(bodyErrorHandler);
  app.use(refuseBadQueryText);
  if (config.webDir) serveWorkspace(app, config.webDir);
  // The same answers as the early path above, for the same requests, before Express is entered.
  answerPublicPagesAheadOfExpress(app.getHttpServer(), app.getHttpAdapter().getInstance(), rateLimits, publicPages, queryTextProblem);
  app.enableShutdownHooks();
  return app;
}

function pinoLevelOf(levels: LogLevel[]): LogLevelName {
  if (levels.includes('log')) return 'info';
  if (levels.includes('warn')) return 'warn';
  return levels.includes('error') ? 'error' : 'silent';
}

function refuseInvalidUtf8(_req: Request, _res: Response, body: Buffer): void {
  if (!isUtf8(body)) throw Object.assign(new Error('The request body is not valid UTF-8'), { type: 'encoding.invalid' });
}

/** The same text rule as the operation gate (admitOperation) for the plain HTTP routes' query strings (feeds filters). */
function refuseBadQueryText(req: Request, res: Response, next: NextFunction): void {
  const problem = queryTextProblem(req.query);
  if (problem) {
    const { name, reason } = problem;
    res.status(400).json(errorBody('BAD_USER_INPUT', `The query parameter ${name} contains text that cannot be stored`, { reason, field: name }));
    return;
  }
  next();
}

/** The first query parameter whose text could not be stored as sent (textProblem), else null. */
function queryTextProblem(query: Record<string, unknown>): { name: string; reason: string } | null {
  for (const [name, value] of Object.entries(query)) {
    for (const text of ([] as unknown[]).concat(value)) {
      const reason = typeof text === 'string' ? textProblem(text) : null;
      if (reason) return { name, reason };
    }
  }
  return null;
}

function bodyErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const type = (error as { type?: string })?.type;
  if (type === 'entity.too.large') {
    res.status(413).json(errorBody('PAYLOAD_TOO_LARGE', 'The request body is larger than the server accepts'));
    return;
  }
  if (type === 'encoding.invalid') {
    res.status(400).json(errorBody('BAD_REQUEST', 'The request body is not valid UTF-8'));
    return;
  }
  if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    res.status(400).json(errorBody('BAD_REQUEST', 'The request body is not valid JSON'));
    return;
  }
  next(error);
}
