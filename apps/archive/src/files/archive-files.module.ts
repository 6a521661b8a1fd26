import { Module } from '@nestjs/common';

import { ArchiveFilesHandler } from './archive-files.handler';
import { ArchiveFilesService } from './archive-files.service';

@Module({
  controllers: [ArchiveFilesHandler],
  providers: [ArchiveFilesService],
})
export class ArchiveFilesModule {}
