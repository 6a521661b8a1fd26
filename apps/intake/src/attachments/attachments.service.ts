import { Injectable } from '@nestjs/common';
import { CreateRequestContext, EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';

import { type AddAttachmentRequest, type AttachmentReply, PERMISSIONS } from '@app/contracts';
import { assertPermission, assertVisible, requireCaller } from '@app/platform';

import { Attachment } from './attachment.entity';
import { Application } from '../applications/application.entity';
import { ApplicationError } from '../applications/application.errors';

/** Links uploaded evidence to applications. The same file attached twice as the same type is one attachment. */
@Injectable()
export class AttachmentsService {
  constructor(private readonly em: EntityManager) {}

  @CreateRequestContext()
  async add(request: AddAttachmentRequest): Promise<AttachmentReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.applicationCreate);
    const application = await this.em.findOne(Application, { id: request.applicationId });
    assertVisible(caller, application?.divisionCode);
    if (application?.status === 'WITHDRAWN') {
      throw ApplicationError.withdrawn();
    }
    const key = { application: request.applicationId, evidenceType: request.evidenceType, sha256: request.sha256 };
    const existing = await this.em.findOne(Attachment, key);
    if (existing) {
      return toAttachmentReply(existing);
    }
    try {
      const attachment = this.em.create(Attachment, {
        ...request,
        application: application as Application,
        uploadedBy: caller.username,
      });
      await this.em.flush();
      return toAttachmentReply(attachment);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        return toAttachmentReply(await this.em.fork().findOneOrFail(Attachment, key));
      }
      throw error;
    }
  }

  async list(em: EntityManager, applicationId: string): Promise<AttachmentReply[]> {
    const attachments = await em.find(Attachment, { application: applicationId }, { orderBy: { createdAt: 'asc' } });
    return attachments.map(toAttachmentReply);
  }
}

export function toAttachmentReply(attachment: Attachment): AttachmentReply {
  return {
    id: attachment.id,
    applicationId: typeof attachment.application === 'string' ? attachment.application : attachment.application.id,
    evidenceType: attachment.evidenceType,
    sha256: attachment.sha256,
    sizeBytes: Number(attachment.sizeBytes),
    mediaType: attachment.mediaType,
    originalName: attachment.originalName,
    uploadedBy: attachment.uploadedBy,
    uploadedAt: attachment.createdAt.toISOString(),
  };
}
