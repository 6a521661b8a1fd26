/* Plain constants (no validators): the staff console imports them. */

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
