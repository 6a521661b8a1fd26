import { Module } from '@nestjs/common';

import { ServicePlatformModule } from '@app/platform';

import { WorkerEnv } from './worker.env';

/** Config, logging, the NATS client for activities and the worker's health answer; no HTTP. */
@Module({
  imports: [ServicePlatformModule.forService({ service: 'worker', env: WorkerEnv, temporal: true })],
})
export class WorkerModule {}
