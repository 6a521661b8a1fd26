import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import { type IngestUploadReply, IngestUploadRequest, SUBJECTS } from '@app/contracts';

import { UploadsService } from './uploads.service';

@Controller()
export class UploadsHandler {
  constructor(private readonly uploads: UploadsService) {}

  @MessagePattern(SUBJECTS.archive.uploadIngest)
  ingest(@Payload() request: IngestUploadRequest): Promise<IngestUploadReply> {
    return this.uploads.ingest(request.uploadName, request.sha256);
  }
}
