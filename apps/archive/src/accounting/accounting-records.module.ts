import { Module } from '@nestjs/common';

import { AccountingRecordsHandler } from './accounting-records.handler';
import { AccountingRecordsService } from './accounting-records.service';
import { BlobsModule } from '../blobs/blobs.module';

@Module({
  imports: [BlobsModule],
  controllers: [AccountingRecordsHandler],
  providers: [AccountingRecordsService],
})
export class AccountingRecordsModule {}
