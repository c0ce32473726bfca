import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, Response } from 'express';
import { AppConfig } from './app.config';
import { AppModule } from './app.module';

/**
 * Creates the API application (not yet listening): the modules, and a JSON body parser whose
 * failures (too large, malformed) answer as GraphQL errors with a code rather than HTML pages.
 */
export async function createApp(
  config: AppConfig,
  options: { logger?: LogLevel[] } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: options.logger ?? ['error', 'warn', 'log'],
  });
  app.use(express.json({ limit: config.bodyLimitBytes }));
  app.use(bodyErrorHandler);
  app.enableShutdownHooks();
  return app;
}

function bodyErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const type = (error as { type?: string })?.type;
  if (type === 'entity.too.large') {
    res.status(413).json({
      errors: [{ message: 'The request body is larger than the server accepts', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
    return;
  }
  if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    res.status(400).json({
      errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
    return;
  }
  next(error);
}
