import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { metricsRegistry } from './metrics';

/**
 * `GET /metrics` (Prometheus text format) on METRICS_HOST:METRICS_PORT, apart from any public port: an operator's
 * scraper reaches it, the public does not. METRICS_PORT unset or 0: not served (tests, one-off scripts).
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server?: Server;

  constructor(private readonly config: ConfigService) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = Number(this.config.get<number>('METRICS_PORT') ?? 0);
    if (port > 0) {
      await this.listen(port, this.config.get<string>('METRICS_HOST') ?? '127.0.0.1');
    }
  }

  /** Serves the metrics on `port` (0: any free port); answers the address it listens on. */
  async listen(port: number, host = '127.0.0.1'): Promise<AddressInfo> {
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('GET /metrics\n');
        return;
      }
      metricsRegistry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(text),
        (error: unknown) => {
          this.logger.error({ err: error }, 'metrics could not be collected');
          response.writeHead(500).end();
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error) =>
        reject(
          new Error(`METRICS_PORT ${port} on ${host} cannot be used (${error.message}); give each process its own`),
        ),
      );
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    this.logger.log(`metrics on http://${address.address}:${address.port}/metrics`);
    return address;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}
