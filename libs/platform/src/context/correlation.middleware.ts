import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { CORRELATION_HEADER, runWithCorrelation } from './request-context';

/**
 * Express middleware for the gateway: takes the caller's x-correlation-id (or makes one), echoes it in the
 * response, and runs the rest of the request inside it so every NATS request carries it on.
 */
export function correlationMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const given = req.headers[CORRELATION_HEADER];
  const correlationId = typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
  req.headers[CORRELATION_HEADER] = correlationId;
  res.setHeader(CORRELATION_HEADER, correlationId);
  runWithCorrelation(correlationId, next);
}
