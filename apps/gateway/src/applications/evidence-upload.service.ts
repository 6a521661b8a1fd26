import { createHash, randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import {
  type AttachmentReply,
  ErrorCode,
  EVIDENCE_TYPES,
  type EvidenceType,
  type FieldError,
  SUBJECTS,
} from '@app/contracts';
import { sniffEvidenceType } from '@app/domain';
import { DomainError, MessagingClient, UploadStore } from '@app/platform';

/** What multer hands over for a file field (memory storage). */
export interface UploadedEvidence {
  buffer: Buffer;
  originalname: string;
}

/**
 * Takes an uploaded evidence file to the archive and links it to its application: checks the evidence type and
 * the content's real type, hands the bytes over through the JetStream object store (larger than one NATS
 * message), lets the archive store them by sha256, then asks intake to link them.
 */
@Injectable()
export class EvidenceUploadService {
  constructor(
    private readonly messaging: MessagingClient,
    private readonly uploads: UploadStore,
  ) {}

  async attach(
    applicationId: string,
    evidenceType: string | undefined,
    file: UploadedEvidence | undefined,
  ): Promise<AttachmentReply> {
    const errors: FieldError[] = [];
    if (!evidenceType || !(EVIDENCE_TYPES as readonly string[]).includes(evidenceType)) {
      errors.push({ field: 'evidenceType', messages: [`材料类型只能是：${EVIDENCE_TYPES.join('、')}`] });
    }
    const sniffed = file ? sniffEvidenceType(file.buffer) : undefined;
    if (!file) {
      errors.push({ field: 'file', messages: ['请选择要上传的文件（表单字段file）'] });
    } else if (!sniffed?.mediaType) {
      errors.push({ field: 'file', messages: [sniffed?.reason ?? '文件类型不受支持'] });
    }
    if (errors.length > 0 || !file) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'evidence upload refused', '上传的材料不符合要求', errors);
    }
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const uploadName = `upload-${randomUUID()}`;
    await this.uploads.put(uploadName, file.buffer);
    const stored = await this.messaging.request(SUBJECTS.archive.uploadIngest, { uploadName, sha256 });
    return this.messaging.request(SUBJECTS.intake.attachmentAdd, {
      applicationId,
      evidenceType: evidenceType as EvidenceType,
      sha256: stored.sha256,
      sizeBytes: stored.sizeBytes,
      mediaType: stored.mediaType,
      originalName: (file.originalname || 'upload').slice(0, 200),
    });
  }
}
