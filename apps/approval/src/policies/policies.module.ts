import { Module } from '@nestjs/common';

import { PoliciesHandler } from './policies.handler';
import { PoliciesService } from './policies.service';

/** Approval procedures per division, as published versions. */
@Module({
  controllers: [PoliciesHandler],
  providers: [PoliciesService],
  exports: [PoliciesService],
})
export class PoliciesModule {}
