import { Module } from '@nestjs/common';

import { SUBJECTS } from '@app/contracts';
import { HealthModule, LoggingModule, MessagingModule, PlatformConfigModule } from '@app/platform';

import { WorkerEnv } from './worker.env';

/** Config, logging, the NATS client for activities and the worker's health answer; no HTTP. */
@Module({
  imports: [
    PlatformConfigModule.forRoot(WorkerEnv),
    LoggingModule.forService('worker'),
    MessagingModule,
    HealthModule.forService({
      service: 'worker',
      subject: SUBJECTS.worker.healthCheck,
      database: false,
      temporal: true,
    }),
  ],
})
export class WorkerModule {}
