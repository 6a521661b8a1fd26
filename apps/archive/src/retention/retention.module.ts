import { Module } from '@nestjs/common';

import { LegalHoldsService } from './legal-holds.service';
import { RetentionHandler } from './retention.handler';
import { RetentionService } from './retention.service';
import { BlobsModule } from '../blobs/blobs.module';

@Module({
  imports: [BlobsModule],
  controllers: [RetentionHandler],
  providers: [RetentionService, LegalHoldsService],
})
export class RetentionModule {}
