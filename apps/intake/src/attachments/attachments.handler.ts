import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import { AddAttachmentRequest, type AttachmentReply, SUBJECTS } from '@app/contracts';

import { AttachmentsService } from './attachments.service';

@Controller()
export class AttachmentsHandler {
  constructor(private readonly attachments: AttachmentsService) {}

  @MessagePattern(SUBJECTS.intake.attachmentAdd)
  add(@Payload() request: AddAttachmentRequest): Promise<AttachmentReply> {
    return this.attachments.add(request);
  }
}
