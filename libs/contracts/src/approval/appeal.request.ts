import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import type { DocumentType } from '../archive/file-document.request';
import { IsDivisionCode } from '../common/division-code.validator';
import { IsIdempotencyKey } from '../common/idempotency-key.validator';
import { IsCalendarDate } from '../common/identity.validators';
import { PageRequest } from '../common/page.request';

/**
 * A county decision contested by its household (2014 measures Art. 65; 2021 rules Art. 38): by administrative
 * reconsideration (行政复议) or in court (行政诉讼). The kinds are those of the archive's hold they place.
 */
export const APPEAL_KINDS = ['APPEAL', 'LITIGATION'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export const APPEAL_KIND_LABELS: Record<AppealKind, string> = {
  APPEAL: '行政复议',
  LITIGATION: '行政诉讼',
};

/**
 * The decisions a household can contest: a refusal, a termination, the amount confirmed, a change of the benefit,
 * an order to repay.
 */
export const CONTESTABLE_DOCUMENT_TYPES = [
  'REFUSAL_NOTICE',
  'TERMINATION_NOTICE',
  'APPROVAL_NOTICE',
  'BENEFIT_CHANGE_DECISION',
  'RECOVERY_DECISION',
] as const satisfies readonly DocumentType[];

/** How a reconsideration body or a court decided (复议决定、判决或裁定). */
export const APPEAL_OUTCOMES = [
  'UPHELD', // 维持
  'REVOKED', // 撤销
  'VARIED', // 变更
  'ORDERED_TO_ACT', // 责令履行
  'CONFIRMED_UNLAWFUL', // 确认违法
  'DISMISSED', // 驳回
  'WITHDRAWN', // 撤回（终止）
] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
export const APPEAL_OUTCOME_LABELS: Record<AppealOutcome, string> = {
  UPHELD: '维持原决定',
  REVOKED: '撤销原决定',
  VARIED: '变更原决定',
  ORDERED_TO_ACT: '责令履行',
  CONFIRMED_UNLAWFUL: '确认原决定违法',
  DISMISSED: '驳回申请（起诉）',
  WITHDRAWN: '申请人撤回，案件终止',
};
/** Outcomes that leave the county to decide again (the case goes back to the decision's owner). */
export const APPEAL_OUTCOMES_TO_ACT_ON: readonly AppealOutcome[] = ['REVOKED', 'VARIED', 'ORDERED_TO_ACT'];

/**
 * The county registers a case it has been notified of (复议答复通知书, 应诉通知书): the household file is held
 * from destruction and a registration record filed in it.
 */
export class RegisterAppealRequest {
  @IsIdempotencyKey()
  idempotencyKey: string;

  /** The application whose file holds the contested decision (a benefit change is filed under its application). */
  @IsUUID('4', { message: '申请编号格式不正确' })
  applicationId: string;

  /** The contested decision as filed: a refusal, termination or confirmation notice, or a benefit change decision. */
  @IsUUID('4', { message: '被复议（诉讼）的决定文书编号格式不正确' })
  contestedDocumentId: string;

  @IsIn(APPEAL_KINDS, { message: '案件类型只能是APPEAL（行政复议）或LITIGATION（行政诉讼）' })
  kind: AppealKind;

  /** The reconsideration body or the court (复议机关、受理法院). */
  @IsString()
  @IsNotEmpty({ message: '请填写复议机关或受理法院' })
  @MaxLength(100)
  body: string;

  @IsString()
  @IsNotEmpty({ message: '请填写案号' })
  @MaxLength(60)
  caseNo: string;

  /** The day the county received the notice of the case; not after today. */
  @IsCalendarDate({ message: '收到日期应为存在的日期，格式YYYY-MM-DD' })
  receivedOn: string;

  /** What the household asks for (请求事项), in the case's words. */
  @IsString()
  @IsNotEmpty({ message: '请填写请求事项' })
  @MaxLength(1000)
  claim: string;
}

/** The case decided: the outcome recorded and filed, the hold on the household file lifted. */
export class RecordAppealOutcomeRequest {
  @IsIdempotencyKey()
  idempotencyKey: string;

  @IsUUID('4', { message: '案件编号格式不正确' })
  appealId: string;

  @IsIn(APPEAL_OUTCOMES, { message: `结果只能是${APPEAL_OUTCOMES.join('、')}之一` })
  outcome: AppealOutcome;

  /** The day of the decision, judgment or ruling; not before the case was received, not after today. */
  @IsCalendarDate({ message: '决定日期应为存在的日期，格式YYYY-MM-DD' })
  decidedOn: string;

  /** The number of the decision, judgment or ruling (复议决定书、判决书或裁定书文号). */
  @IsString()
  @IsNotEmpty({ message: '请填写决定书（判决书、裁定书）文号' })
  @MaxLength(100)
  decisionNo: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** The application-level decisions a county decides again through a new confirmation by the county. */
export const REDECIDABLE_DOCUMENT_TYPES = [
  'REFUSAL_NOTICE',
  'TERMINATION_NOTICE',
] as const satisfies readonly DocumentType[];

/**
 * The county decides again after its refusal or termination was revoked, varied or it was ordered to act
 * (重新作出决定): a new application of the household, copied from the contested one, goes straight to the county's
 * confirmation. Once per case: the same request again answers the same application.
 */
export class RedecideAppealRequest {
  @IsUUID('4', { message: '案件编号格式不正确' })
  appealId: string;
}

export class GetAppealRequest {
  @IsUUID('4', { message: '案件编号格式不正确' })
  appealId: string;
}

/** The cases in the caller's division (or a community or street under it), newest first. */
export class ListAppealsRequest extends PageRequest {
  @IsOptional()
  @IsDivisionCode()
  divisionCode?: string;

  @IsOptional()
  @IsIn(['OPEN', 'CLOSED'], { message: '状态只能是OPEN或CLOSED' })
  status?: AppealStatus;

  @IsOptional()
  @IsUUID('4', { message: '家庭编号格式不正确' })
  householdId?: string;
}

export type AppealStatus = 'OPEN' | 'CLOSED';

export interface AppealReply {
  id: string;
  applicationId: string;
  householdId: string;
  /** The household file's division (its community). */
  divisionCode: string;
  contestedDocumentId: string;
  contestedDocumentType: DocumentType;
  /** The contested decision's 档号. */
  contestedReferenceCode: string;
  kind: AppealKind;
  body: string;
  caseNo: string;
  receivedOn: string;
  claim: string;
  status: AppealStatus;
  /**
   * The archive's hold on the household file while the case runs (lifted when the outcome is recorded), and the
   * registration record. Null only while the archive has not confirmed them: the same request again finishes it.
   */
  holdId: string | null;
  registrationDocumentId: string | null;
  registeredBy: string;
  registeredAt: string;
  outcome: AppealOutcome | null;
  decidedOn: string | null;
  decisionNo: string | null;
  note: string | null;
  outcomeDocumentId: string | null;
  /** The county must decide again (revoked, varied, ordered to act). */
  toActOn: boolean;
  /** The application the county decides again on (`RedecideAppealRequest`), once started. */
  redecisionApplicationId: string | null;
  redecidedBy: string | null;
  redecidedAt: string | null;
  closedBy: string | null;
  closedAt: string | null;
}

export interface ListAppealsReply {
  items: AppealReply[];
}
