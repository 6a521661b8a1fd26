import { Controller, type DynamicModule, Module, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { TerminusModule } from '@nestjs/terminus';

import { HealthCheckRequest, type HealthReply } from '@app/contracts';

import { HEALTH_OPTIONS, type HealthOptions } from './health.constants';
import { HealthService } from './health.service';
import { TemporalClientModule } from '../temporal/temporal-client.module';

function createHealthHandler(subject: string): Type<unknown> {
  @Controller()
  class HealthHandler {
    constructor(private readonly health: HealthService) {}

    @MessagePattern(subject)
    check(@Payload() _request: HealthCheckRequest): Promise<HealthReply> {
      return this.health.check();
    }
  }
  return HealthHandler;
}

/** Answers `<service>.health.check` over NATS; the gateway's GET /health aggregates every answer. */
@Module({})
export class HealthModule {
  static forService(options: HealthOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false }), ...(options.temporal ? [TemporalClientModule] : [])],
      controllers: [createHealthHandler(options.subject)],
      providers: [{ provide: HEALTH_OPTIONS, useValue: options }, HealthService],
      exports: [HealthService],
    };
  }
}
