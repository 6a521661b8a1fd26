import { Controller, Get, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Response } from 'express';

import { HEALTH_SUBJECTS, type HealthReply } from '@app/contracts';
import { MessagingClient } from '@app/platform';

import { Public } from '../identity/auth/auth.decorators';

export interface AggregatedHealth {
  status: 'up' | 'down';
  components: Record<string, HealthReply | { service: string; status: 'down'; error: string }>;
}

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly messaging: MessagingClient,
    private readonly config: ConfigService,
    private readonly em: EntityManager,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Health of the gateway and every service and worker (200 when all are up, else 503)' })
  async check(@Res({ passthrough: true }) response: Response): Promise<AggregatedHealth> {
    const timeoutMs = this.config.get<number>('HEALTH_TIMEOUT_MS', 2000);
    const entries = await Promise.all(
      Object.entries(HEALTH_SUBJECTS).map(async ([name, subject]) => {
        try {
          return [name, await this.messaging.request(subject, {}, { timeoutMs })] as const;
        } catch (error) {
          return [
            name,
            { service: name, status: 'down' as const, error: error instanceof Error ? error.message : String(error) },
          ] as const;
        }
      }),
    );
    const gateway = await this.gatewayHealth();
    const components = Object.fromEntries([['gateway', gateway], ...entries]) as AggregatedHealth['components'];
    const status = Object.values(components).every((component) => component.status === 'up') ? 'up' : 'down';
    response.status(status === 'up' ? 200 : 503);
    return { status, components };
  }

  private async gatewayHealth(): Promise<HealthReply> {
    const details: HealthReply['details'] = {};
    await Promise.all([
      (async () => {
        try {
          await (await this.messaging.connection()).flush();
          details.nats = { status: 'up' };
        } catch (error) {
          details.nats = { status: 'down', message: error instanceof Error ? error.message : String(error) };
        }
      })(),
      (async () => {
        try {
          await this.em.fork().execute('select 1');
          details.database = { status: 'up' };
        } catch (error) {
          details.database = { status: 'down', message: error instanceof Error ? error.message : String(error) };
        }
      })(),
    ]);
    const status = Object.values(details).every((detail) => detail.status === 'up') ? 'up' : 'down';
    return { service: 'gateway', status, details };
  }
}
