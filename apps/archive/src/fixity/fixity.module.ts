import { Module } from '@nestjs/common';

import { FixitySchedule } from './fixity-schedule';
import { FixityHandler } from './fixity.handler';
import { FixityService } from './fixity.service';
import { BlobsModule } from '../blobs/blobs.module';

@Module({
  imports: [BlobsModule],
  controllers: [FixityHandler],
  providers: [FixityService, FixitySchedule],
})
export class FixityModule {}
