import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { IsCommunityCode } from '../common/division-code.validator';

/**
 * Document types rendered from a record's form (title, fields, notes): the records of the approval chain, and the
 * county's decisions on a running benefit (dynamic management).
 */
export const FORM_DOCUMENT_TYPES = [
  'ASSESSMENT_REPORT', // 家庭经济状况核对认定结果
  'COMMUNITY_OPINION', // 社区（村）初审意见
  'PUBLICITY_NOTICE', // 公示
  'OBJECTION_RECORD', // 公示期异议记录
  'STREET_REVIEW', // 街道（乡镇）审核意见
  'COUNTY_CONFIRMATION', // 县级审核确认意见
  'RETURN_NOTICE', // 退回补正通知
  'APPROVAL_NOTICE', // 最低生活保障确认通知书
  'POST_APPROVAL_PUBLICITY', // 审核确认后公示（姓名、家庭人口、保障金额）
  'REFUSAL_NOTICE', // 不予确认通知书
  'ESCALATION_RECORD', // 超时督办记录
  'CONFLICT_OF_INTEREST_REGISTRATION', // 近亲属备案登记表
  'TERMINATION_NOTICE', // 终止审批通知书（申请人不配合）
  'APPRAISAL_MINUTES', // 民主评议记录
  'SURVEY_RECORD', // 入户调查表
  'DELIVERY_RECEIPT', // 送达回证（不予确认、终止审批通知书的送达）
  'MATERIALS_NOTICE', // 一次性告知书（受理前需补齐的材料）
  'BENEFIT_CHANGE_DECISION', // 最低生活保障待遇变更决定书（增发、减发、暂停、恢复、停发）
  'PERIODIC_REVIEW_RECORD', // 定期核查记录
  'HOUSEHOLD_CHANGE_REPORT', // 家庭成员变动登记（死亡、迁出、出生、婚嫁等）
  'DATA_CHECK_RECHECK_RECORD', // 家庭经济状况核对结果复查记录（申请人异议）
  'DATA_CHECK_RESULT_NOTICE', // 家庭经济状况核对结果告知书（核对认定不符合条件时告知申请人）
  'APPEAL_RECORD', // 行政复议（诉讼）案件登记、结果记录
  'RECOVERY_DECISION', // 追回最低生活保障金决定书（多领错发、骗取）
] as const;

/** Document types the archive knows. Grows with the approval chain; values are never renamed. */
export const DOCUMENT_TYPES = ['APPLICATION_RECEIVED', 'EVIDENCE', ...FORM_DOCUMENT_TYPES] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export type FormDocumentType = (typeof FORM_DOCUMENT_TYPES)[number];

/**
 * The archive class of an item (2008 MCA/SAAC notice): approval class (审批类) for what the application and
 * its review produce, daily-management class (日常管理类) for what happens once benefits run. Payment rosters
 * and statistics are not household items: they are accounting and administrative records.
 */
export const ARCHIVE_CLASSES = ['APPROVAL', 'DAILY_MANAGEMENT'] as const;
export type ArchiveClass = (typeof ARCHIVE_CLASSES)[number];
export const ARCHIVE_CLASS_LABELS: Record<ArchiveClass, string> = {
  APPROVAL: '审批类',
  DAILY_MANAGEMENT: '日常管理类',
};
/** Every document type's class: the approval chain files approval-class items, benefit changes daily-management ones. */
export const ARCHIVE_CLASS_OF: Record<DocumentType, ArchiveClass> = {
  APPLICATION_RECEIVED: 'APPROVAL',
  EVIDENCE: 'APPROVAL',
  ASSESSMENT_REPORT: 'APPROVAL',
  COMMUNITY_OPINION: 'APPROVAL',
  PUBLICITY_NOTICE: 'APPROVAL',
  OBJECTION_RECORD: 'APPROVAL',
  STREET_REVIEW: 'APPROVAL',
  COUNTY_CONFIRMATION: 'APPROVAL',
  RETURN_NOTICE: 'APPROVAL',
  APPROVAL_NOTICE: 'APPROVAL',
  POST_APPROVAL_PUBLICITY: 'APPROVAL',
  REFUSAL_NOTICE: 'APPROVAL',
  ESCALATION_RECORD: 'APPROVAL',
  CONFLICT_OF_INTEREST_REGISTRATION: 'APPROVAL',
  TERMINATION_NOTICE: 'APPROVAL',
  APPRAISAL_MINUTES: 'APPROVAL',
  SURVEY_RECORD: 'APPROVAL',
  DELIVERY_RECEIPT: 'APPROVAL',
  MATERIALS_NOTICE: 'APPROVAL',
  BENEFIT_CHANGE_DECISION: 'DAILY_MANAGEMENT',
  PERIODIC_REVIEW_RECORD: 'DAILY_MANAGEMENT',
  HOUSEHOLD_CHANGE_REPORT: 'DAILY_MANAGEMENT',
  DATA_CHECK_RECHECK_RECORD: 'APPROVAL',
  DATA_CHECK_RESULT_NOTICE: 'APPROVAL',
  // With the decisions it reviews: most cases contest a refusal.
  APPEAL_RECORD: 'APPROVAL',
  RECOVERY_DECISION: 'DAILY_MANAGEMENT',
};

/** What each document type is called, for staff (lists, spreadsheets). */
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  APPLICATION_RECEIVED: '最低生活保障申请受理回执',
  EVIDENCE: '证明材料',
  ASSESSMENT_REPORT: '家庭经济状况核对认定结果',
  COMMUNITY_OPINION: '社区（村）初审意见',
  PUBLICITY_NOTICE: '公示',
  OBJECTION_RECORD: '公示期异议记录',
  STREET_REVIEW: '街道（乡镇）审核意见',
  COUNTY_CONFIRMATION: '县级审核确认意见',
  RETURN_NOTICE: '退回补正通知',
  APPROVAL_NOTICE: '最低生活保障确认通知书',
  POST_APPROVAL_PUBLICITY: '审核确认后公示',
  REFUSAL_NOTICE: '不予确认通知书',
  ESCALATION_RECORD: '超时督办记录',
  CONFLICT_OF_INTEREST_REGISTRATION: '近亲属备案登记表',
  TERMINATION_NOTICE: '终止审批通知书',
  APPRAISAL_MINUTES: '民主评议记录',
  SURVEY_RECORD: '入户调查表',
  DELIVERY_RECEIPT: '送达回证',
  MATERIALS_NOTICE: '一次性告知书',
  BENEFIT_CHANGE_DECISION: '最低生活保障待遇变更决定书',
  PERIODIC_REVIEW_RECORD: '定期核查记录',
  HOUSEHOLD_CHANGE_REPORT: '家庭成员变动登记表',
  DATA_CHECK_RECHECK_RECORD: '家庭经济状况核对结果复查记录',
  DATA_CHECK_RESULT_NOTICE: '家庭经济状况核对结果告知书',
  APPEAL_RECORD: '行政复议（诉讼）案件记录',
  RECOVERY_DECISION: '追回最低生活保障金决定书',
};

export class FormField {
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  label: string;

  @IsString()
  @MaxLength(4000)
  value: string;
}

/** What a step's record prints: the archive renders it as a PDF in Chinese. No full ID numbers. */
export class StepForm {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  subtitle?: string;

  @IsArray()
  @ArrayMaxSize(80)
  @ValidateNested({ each: true })
  @Type(() => FormField)
  fields: FormField[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  notes?: string[];

  /** ISO-8601 time the step completed (printed, and fixes the PDF's creation date). */
  @IsISO8601()
  completedAt: string;
}

/** An uploaded evidence file (its bytes are in the blob store). */
export class EvidenceRef {
  @Matches(/^[0-9a-f]{64}$/)
  sha256: string;

  @IsIn(['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'])
  mediaType: string;

  /** The evidence type (EVIDENCE_TYPES of intake), e.g. INCOME_PROOF. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  evidenceType: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  originalName: string;
}

/** Data for the "application received" record (申请受理回执). */
export class ApplicationReceivedData {
  @IsString()
  @IsNotEmpty()
  applicationNo: string;

  @IsString()
  @IsNotEmpty()
  applicantName: string;

  /** Masked (see @app/domain maskIdNumber): the receipt never prints the full number. */
  @IsString()
  @IsNotEmpty()
  applicantIdNumberMasked: string;

  @IsInt()
  @Min(1)
  householdSize: number;

  @IsString()
  reason: string;

  /** ISO-8601 time the application was submitted. */
  @IsString()
  submittedAt: string;
}

/**
 * File one document into a household's archive file. The archive renders the document from the data
 * (a PDF), stores its bytes by sha256 and appends an item to the file. Idempotent by `idempotencyKey`.
 */
export class FileDocumentRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  idempotencyKey: string;

  @IsUUID('4')
  householdId: string;

  @IsCommunityCode()
  divisionCode: string;

  @IsUUID('4')
  applicationId: string;

  @IsString()
  @IsNotEmpty()
  workflowId: string;

  /** The workflow step that produced the document. */
  @IsString()
  @IsNotEmpty()
  step: string;

  @IsIn(DOCUMENT_TYPES)
  documentType: DocumentType;

  /** Who completed the step: a staff username, or `system`. */
  @IsString()
  @IsNotEmpty()
  createdBy: string;

  /** For APPLICATION_RECEIVED: what the receipt prints. */
  @ValidateIf((request: FileDocumentRequest) => request.documentType === 'APPLICATION_RECEIVED')
  @ValidateNested()
  @Type(() => ApplicationReceivedData)
  data?: ApplicationReceivedData;

  /** For the FORM_DOCUMENT_TYPES: the step's record to render. */
  @ValidateIf((request: FileDocumentRequest) =>
    (FORM_DOCUMENT_TYPES as readonly string[]).includes(request.documentType),
  )
  @ValidateNested()
  @Type(() => StepForm)
  form?: StepForm;

  /** For EVIDENCE: an uploaded file already in the blob store, filed as an item of the household file. */
  @ValidateIf((request: FileDocumentRequest) => request.documentType === 'EVIDENCE')
  @ValidateNested()
  @Type(() => EvidenceRef)
  evidence?: EvidenceRef;

  /**
   * A correction: the item of the same household file this one replaces. Both stay in the file (nothing is
   * deleted or overwritten); the old one is shown as superseded.
   */
  @IsOptional()
  @IsUUID('4', { message: '被更正的件编号格式不正确' })
  supersedesDocumentId?: string;

  /**
   * The record of a workflow step: if an item of the same workflow and step was filed under this key before, it
   * is the record and is returned, even when this request differs — a step run again (a workflow task executed
   * anew renders its form at a later time) does not file a second version. Without it, a different request
   * under a used key is refused (IDEMPOTENCY_CONFLICT).
   */
  @IsOptional()
  @IsBoolean()
  firstFilingStands?: boolean;
}
