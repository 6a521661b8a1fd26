import { Injectable } from '@nestjs/common';
import { CreateRequestContext, EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';

import {
  type AddAttachmentRequest,
  type ApplicationStatus,
  type AttachmentReply,
  evidenceFiling,
  PERMISSIONS,
  stepFiling,
  SUBJECTS,
} from '@app/contracts';
import {
  assertPermission,
  assertVisible,
  MessagingClient,
  requireCaller,
  runAsCaller,
  SYSTEM_CALLER,
} from '@app/platform';

import { Attachment } from './attachment.entity';
import { Application } from '../applications/application.entity';
import { ApplicationError } from '../applications/application.errors';
import { filedUnder } from '../applications/application.mapper';

/**
 * The statuses in which an application's acceptance has filed its receipt and the evidence uploaded by then: evidence
 * uploaded later is filed at once (approving is archiving), not left outside the household file.
 */
const FILED_ON_UPLOAD: ReadonlySet<ApplicationStatus> = new Set([
  'RECEIVED',
  'IN_REVIEW',
  'APPROVED',
  'REJECTED',
  'TERMINATED',
]);

/** Links uploaded evidence to applications. The same file attached twice as the same type is one attachment. */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly messaging: MessagingClient,
  ) {}

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
    let attachment = await this.em.findOne(Attachment, key);
    if (!attachment) {
      try {
        attachment = this.em.create(Attachment, {
          ...request,
          application: application as Application,
          uploadedBy: caller.username,
        });
        await this.em.flush();
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) {
          throw error;
        }
        attachment = await this.em.fork().findOneOrFail(Attachment, key);
      }
    }
    if (FILED_ON_UPLOAD.has(application!.status) && !attachment.documentId) {
      // Sent again after the archive could not be reached, the same upload is filed then (the key is the same).
      await this.fileOnce(application!, attachment, 'evidence-upload');
    }
    return toAttachmentReply(attachment);
  }

  /**
   * The attachment's item in the household file, filed by `step` (by the system in the uploader's name) unless the
   * file holds it already — filed at upload, or with the receipt at acceptance (the same content as evidence of the
   * application). Its item is kept on the attachment.
   */
  async fileOnce(
    application: Application,
    attachment: Pick<Attachment, 'id' | 'sha256' | 'mediaType' | 'evidenceType' | 'originalName' | 'uploadedBy'> & {
      documentId?: string | null;
    },
    step: string,
  ): Promise<{ documentId: string; referenceCode: string }> {
    const filed = await runAsCaller(SYSTEM_CALLER, () =>
      this.messaging.request(SUBJECTS.archive.documentList, { applicationId: application.id }),
    );
    const known = filed.items.find(
      (item) =>
        item.documentType === 'EVIDENCE' && (item.id === attachment.documentId || item.sha256 === attachment.sha256),
    );
    const document =
      known ??
      (await runAsCaller(SYSTEM_CALLER, () =>
        this.messaging.request(SUBJECTS.archive.documentFile, {
          ...stepFiling(filedUnder(application), application.workflowId, step, `evidence:${attachment.id}`),
          ...evidenceFiling(attachment),
        }),
      ));
    if (attachment.documentId !== document.id) {
      await this.em.fork().nativeUpdate(Attachment, { id: attachment.id }, { documentId: document.id });
      attachment.documentId = document.id;
    }
    return { documentId: document.id, referenceCode: document.referenceCode };
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
    documentId: attachment.documentId ?? null,
  };
}
