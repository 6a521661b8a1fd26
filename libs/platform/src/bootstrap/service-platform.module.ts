import { type DynamicModule, Module } from '@nestjs/common';

import { HEALTH_SUBJECTS, type ServiceName } from '@app/contracts';

import type { PlatformEnv } from '../config/env';
import { PlatformConfigModule } from '../config/platform-config.module';
import { DatabaseModule } from '../database/database.module';
import type { ServiceOrmSettings } from '../database/orm-config';
import { HealthModule } from '../health/health.module';
import { LoggingModule } from '../logging/logging.module';
import { MessagingModule } from '../messaging/messaging.module';
import { MetricsModule } from '../metrics/metrics.module';

export interface ServicePlatformOptions {
  service: ServiceName;
  /** The process's env class (PlatformEnv or a subclass); validated at boot. */
  env: new () => PlatformEnv;
  /** The service's ORM settings when it owns a schema. */
  orm?: ServiceOrmSettings;
  /** Whether the service talks to Temporal (adds the Temporal health indicator). */
  temporal?: boolean;
}

/**
 * What every NATS process needs: validated config, JSON logs, the NATS client, its metrics, its database, its health
 * answer.
 */
@Module({})
export class ServicePlatformModule {
  static forService(options: ServicePlatformOptions): DynamicModule {
    return {
      module: ServicePlatformModule,
      imports: [
        PlatformConfigModule.forRoot(options.env),
        LoggingModule.forService(options.service),
        MessagingModule,
        MetricsModule.forService(options.service),
        ...(options.orm ? [DatabaseModule.forService(options.orm)] : []),
        HealthModule.forService({
          service: options.service,
          subject: HEALTH_SUBJECTS[options.service],
          database: options.orm !== undefined,
          temporal: options.temporal ?? false,
        }),
      ],
    };
  }
}
