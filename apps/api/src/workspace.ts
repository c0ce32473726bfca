import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, Response } from 'express';

/**
 * The workspace's client routes (apps/web/src/app.tsx). Only these answer with the app's page, so
 * the API's own paths (/graphql, /feeds, /health, /claim-reviews, /verdicts/{id}, /annotations,
 * /articles/{id}/annotations) are never shadowed, and an unknown path is still a 404.
 */
export const WORKSPACE_ROUTES: readonly RegExp[] = [
  /^\/$/,
  /^\/(sign-in|inbox|capture|repeats|watches|outlets|sources)\/?$/,
  /^\/(articles|claims|verdict-editor)\/[^/]+\/?$/,
];

// The app talks to this origin only; nothing is loaded from elsewhere (it works offline).
const PAGE_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
// GraphiQL likewise; its editor (Monaco) adds <style> elements of its own and its fonts are data: URLs.
const GRAPHIQL_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Serves the built workspace (`npm run build:web`) from `dir`: hashed assets, index.html for client
 * routes, and GraphiQL (graphiql.html, built from the graphiql package) at GET /graphql for a browser.
 */
export function serveWorkspace(app: NestExpressApplication, dir: string): void {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) {
    Logger.warn(`No workspace build in ${dir} (npm run build:web); / and GraphiQL are not served`, 'Workspace');
    return;
  }
  const page = readFileSync(indexFile);
  app.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
  const graphiqlFile = join(dir, 'graphiql.html');
  if (existsSync(graphiqlFile)) {
    const graphiql = readFileSync(graphiqlFile);
    // A browser opening /graphql; a GET carrying an operation (?query=) or asking for JSON is GraphQL's.
    app.use('/graphql', (req: Request, res: Response, next: NextFunction) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path !== '/' || 'query' in req.query || req.accepts(['application/json', 'text/html']) !== 'text/html') {
        next();
        return;
      }
      res.status(200).type('text/html; charset=utf-8').set({ 'Cache-Control': 'no-cache', 'Content-Security-Policy': GRAPHIQL_POLICY }).send(graphiql);
    });
  }
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !WORKSPACE_ROUTES.some((route) => route.test(req.path))) {
      next();
      return;
    }
    res.status(200).type('text/html; charset=utf-8').set({ 'Cache-Control': 'no-cache', 'Content-Security-Policy': PAGE_POLICY }).send(page);
  });
}
