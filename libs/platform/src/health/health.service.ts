import { Inject, Injectable, Optional, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, type HealthIndicatorFunction, MikroOrmHealthIndicator } from '@nestjs/terminus';

import type { HealthReply, HealthStatus } from '@app/contracts';

import { HEALTH_OPTIONS, type HealthOptions } from './health.constants';
import { MessagingClient } from '../messaging/messaging.client';
import { TemporalClientService } from '../temporal/temporal-client.service';

/** Runs this process's health indicators (database, NATS, Temporal) and reports them as a HealthReply. */
@Injectable()
export class HealthService {
  constructor(
    @Inject(HEALTH_OPTIONS) private readonly options: HealthOptions,
    private readonly health: HealthCheckService,
    private readonly messaging: MessagingClient,
    @Optional() private readonly database?: MikroOrmHealthIndicator,
    @Optional() private readonly temporal?: TemporalClientService,
  ) {}

  async check(): Promise<HealthReply> {
    const indicators: HealthIndicatorFunction[] = [() => this.natsCheck()];
    if (this.options.database && this.database) {
      const database = this.database;
      indicators.push(() => database.pingCheck('database', { timeout: 1500 }));
    }
    if (this.options.temporal && this.temporal) {
      indicators.push(() => this.temporalCheck());
    }
    try {
      const result = await this.health.check(indicators);
      return this.toReply(result.details);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        const body = error.getResponse() as { details: Record<string, { status: string; message?: string }> };
        return this.toReply(body.details);
      }
      throw error;
    }
  }

  private toReply(details: Record<string, { status: string; message?: string }>): HealthReply {
    const mapped: HealthReply['details'] = {};
    for (const [key, value] of Object.entries(details)) {
      const status: HealthStatus = value.status === 'up' ? 'up' : 'down';
      mapped[key] = value.message ? { status, message: value.message } : { status };
    }
    const status: HealthStatus = Object.values(mapped).every((value) => value.status === 'up') ? 'up' : 'down';
    return { service: this.options.service, status, details: mapped };
  }

  private async natsCheck() {
    try {
      const connection = await this.messaging.connection();
      await Promise.race([
        connection.flush(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('NATS flush timed out')), 1500).unref()),
      ]);
      return { nats: { status: 'up' as const } };
    } catch (error) {
      return { nats: { status: 'down' as const, message: error instanceof Error ? error.message : String(error) } };
    }
  }

  private async temporalCheck() {
    try {
      await this.temporal?.ping();
      return { temporal: { status: 'up' as const } };
    } catch (error) {
      return { temporal: { status: 'down' as const, message: error instanceof Error ? error.message : String(error) } };
    }
  }
}
