import { Module } from '@nestjs/common';

import { TemporalClientService } from './temporal-client.service';

/** Temporal client for services that start, update or query workflows. */
@Module({
  providers: [TemporalClientService],
  exports: [TemporalClientService],
})
export class TemporalClientModule {}
