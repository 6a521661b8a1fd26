import { Module } from '@nestjs/common';

import { AppealsHandler } from './appeals.handler';
import { AppealsService } from './appeals.service';

/** Reconsideration and court cases against the county's decisions, with their records and the file's hold. */
@Module({
  controllers: [AppealsHandler],
  providers: [AppealsService],
})
export class AppealsModule {}
