import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Where the console is served; `/` leads there. */
export const CONSOLE_PATH = '/console/';

/**
 * Only the console's own files and the API of the same origin: no inline script, nothing framed; a filed PDF opens
 * as a blob the console fetched.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the staff console (apps/console, built to static files) at /console/, from disk: its page is never cached,
 * so a new build is picked up at once, without a restart; its assets carry a content hash in their names and are
 * cached for a year. Without a build the path answers 404 saying how to build it, and the API works as ever.
 */
export function serveConsole(app: NestExpressApplication, directory: string): { built: boolean; directory: string } {
  const root = resolve(directory);
  const index = join(root, 'index.html');
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.path === '/' && (request.method === 'GET' || request.method === 'HEAD')) {
      response.redirect(302, CONSOLE_PATH);
      return;
    }
    if (request.path === '/console' || request.path.startsWith(CONSOLE_PATH)) {
      response.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
      response.setHeader('x-content-type-options', 'nosniff');
      response.setHeader('referrer-policy', 'no-referrer');
      if (!existsSync(index)) {
        response.status(404).json({
          statusCode: 404,
          code: 'NOT_FOUND',
          message: '工作台尚未构建：请运行 npm run build:console',
        });
        return;
      }
    }
    next();
  });
  app.useStaticAssets(root, {
    prefix: CONSOLE_PATH,
    index: 'index.html',
    setHeaders: (response: ServerResponse, path: string) => {
      response.setHeader(
        'cache-control',
        path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return { built: existsSync(index), directory: root };
}
