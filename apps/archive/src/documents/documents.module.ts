import { Module } from '@nestjs/common';

import { DocumentsHandler } from './documents.handler';
import { DocumentsService } from './documents.service';
import { BlobsModule } from '../blobs/blobs.module';
import { PrintablesHandler } from '../rendering/printables.handler';
import { RenderingService } from '../rendering/rendering.service';

@Module({
  imports: [BlobsModule],
  controllers: [DocumentsHandler, PrintablesHandler],
  providers: [DocumentsService, RenderingService],
})
export class DocumentsModule {}
