import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics: Node's own (CPU, memory, event-loop delay, GC; prom-client's defaults) and the
 * platform's request histograms below, every series labelled with the process (`service`). Served by
 * MetricsServer on METRICS_PORT.
 */
export const metricsRegistry = new Registry();

/** Seconds: from 1 ms (a cached read) to 30 s (a decision waiting for its filing). */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** A NATS request this process answered: by subject and outcome (`ok` or the error code of the reply). */
export const natsHandledSeconds = new Histogram({
  name: 'dibao_nats_handled_seconds',
  help: 'NATS requests handled by this process, by subject and outcome (ok or the error code)',
  labelNames: ['subject', 'outcome'] as const,
  buckets: BUCKETS,
  registers: [metricsRegistry],
});

/** A NATS request this process sent: by subject and outcome (`ok` or the error code it ended in). */
export const natsRequestSeconds = new Histogram({
  name: 'dibao_nats_request_seconds',
  help: 'NATS requests sent by this process, by subject and outcome (ok or the error code)',
  labelNames: ['subject', 'outcome'] as const,
  buckets: BUCKETS,
  registers: [metricsRegistry],
});

/** An HTTP request the gateway answered: by method, route pattern (never the raw path) and status. */
export const httpRequestSeconds = new Histogram({
  name: 'dibao_http_request_seconds',
  help: 'HTTP requests answered by the gateway, by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: BUCKETS,
  registers: [metricsRegistry],
});

let collecting = false;

/** Labels every series with the process and starts Node's default metrics (once per process). */
export function startProcessMetrics(service: string): void {
  metricsRegistry.setDefaultLabels({ service });
  if (!collecting) {
    collecting = true;
    collectDefaultMetrics({ register: metricsRegistry });
  }
}

/** The outcome label of a failed request: its error code where it has one, else `error`. */
export function outcomeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? code : 'error';
}
