import type { NextFunction, Request, Response } from 'express';

import { httpRequestSeconds } from './metrics';

/**
 * Times every HTTP request into `dibao_http_request_seconds`, labelled by the route's pattern
 * (`/api/v1/applications/:id`) so ids never become series; a request no route of ours matched is `unmatched`.
 */
export function httpMetricsMiddleware(request: Request, response: Response, next: NextFunction): void {
  const end = httpRequestSeconds.startTimer();
  response.once('finish', () => {
    const route = (request.route as { path?: unknown } | undefined)?.path;
    end({
      method: request.method,
      // A catch-all (a middleware registered as `/api/{*all}`) is the last route a request no route matched saw.
      route: typeof route === 'string' && !route.includes('*') ? `${request.baseUrl}${route}` : 'unmatched',
      status: String(response.statusCode),
    });
  });
  next();
}
