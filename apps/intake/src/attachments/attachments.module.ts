import { Module } from '@nestjs/common';

import { AttachmentsHandler } from './attachments.handler';
import { AttachmentsService } from './attachments.service';

@Module({
  controllers: [AttachmentsHandler],
  providers: [AttachmentsService],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
