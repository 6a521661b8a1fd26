import { IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

/** Kinds of evidence an application carries (domain §4.4, application and acceptance stage). Never rename. */
export const EVIDENCE_TYPES = [
  'APPLICATION_FORM', // 申请书
  'ID_COPY', // 身份证复印件
  'HUKOU_COPY', // 户口簿复印件
  'INCOME_PROOF', // 收入证明
  'DATA_CHECK_AUTHORISATION', // 核对授权书
  'INTEGRITY_COMMITMENT', // 诚信承诺书
  'DISABILITY_CERTIFICATE', // 残疾证
  'MEDICAL_RECORD', // 病历
  'STUDENT_CERTIFICATE', // 学籍证明
  'PHOTO', // 照片
  'OTHER',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** Chinese names of the evidence types, for document titles. */
export const EVIDENCE_LABELS: Record<EvidenceType, string> = {
  APPLICATION_FORM: '申请书',
  ID_COPY: '身份证复印件',
  HUKOU_COPY: '户口簿复印件',
  INCOME_PROOF: '收入证明',
  DATA_CHECK_AUTHORISATION: '家庭经济状况核对授权书',
  INTEGRITY_COMMITMENT: '诚信承诺书',
  DISABILITY_CERTIFICATE: '残疾证',
  MEDICAL_RECORD: '病历',
  STUDENT_CERTIFICATE: '学籍证明',
  PHOTO: '照片',
  OTHER: '其他材料',
};

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
