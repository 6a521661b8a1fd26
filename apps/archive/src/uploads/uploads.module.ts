import { Module } from '@nestjs/common';

import { UploadsHandler } from './uploads.handler';
import { UploadsService } from './uploads.service';
import { BlobsModule } from '../blobs/blobs.module';

@Module({
  imports: [BlobsModule],
  controllers: [UploadsHandler],
  providers: [UploadsService],
})
export class UploadsModule {}
