import { IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

import { EVIDENCE_TYPES, type EvidenceType } from './evidence-types';

export { EVIDENCE_LABELS, EVIDENCE_TYPES, type EvidenceType } from './evidence-types';

/** Link content already stored by the archive (by sha256) to an application as evidence. Idempotent. */
export class AddAttachmentRequest {
  @IsUUID('4', { message: '申请编号格式不正确' })
  applicationId: string;

  @IsIn(EVIDENCE_TYPES, { message: `材料类型只能是：${EVIDENCE_TYPES.join('、')}` })
  evidenceType: EvidenceType;

  @Matches(/^[0-9a-f]{64}$/)
  sha256: string;

  @IsInt()
  @Min(1)
  @Max(1024 * 1024 * 1024)
  sizeBytes: number;

  @IsIn(['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'])
  mediaType: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  originalName: string;
}

export interface AttachmentReply {
  id: string;
  applicationId: string;
  evidenceType: EvidenceType;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  originalName: string;
  uploadedBy: string;
  uploadedAt: string;
  /**
   * Its item in the household file, when filed at upload: evidence uploaded once the application is accepted is
   * filed at once (so a survey or a re-check can name it); what was uploaded before is filed with the receipt at
   * acceptance (null here; the application's documents list it).
   */
  documentId: string | null;
}
