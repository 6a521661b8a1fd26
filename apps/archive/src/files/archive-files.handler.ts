import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import { type ArchiveFileReply, GetArchiveFileRequest, SUBJECTS } from '@app/contracts';

import { ArchiveFilesService } from './archive-files.service';

@Controller()
export class ArchiveFilesHandler {
  constructor(private readonly files: ArchiveFilesService) {}

  @MessagePattern(SUBJECTS.archive.fileGet)
  get(@Payload() request: GetArchiveFileRequest): Promise<ArchiveFileReply> {
    return this.files.get(request.householdId);
  }
}
