import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { DECISION_STAGES, type DecisionStage } from './approval-policy';
import { DELIVERY_METHODS, type DeliveryMethod, TASK_PURPOSES, type TaskPurpose } from './delivery';
import { TASK_REQUIREMENT_KINDS, type TaskRequirement, type TaskRequirementKind } from './task-requirements';
import { IsDivisionCode } from '../common/division-code.validator';
import { IsIdempotencyKey } from '../common/idempotency-key.validator';
import { IsCalendarDate } from '../common/identity.validators';
import { PageRequest } from '../common/page.request';
import { FromQueryBoolean } from '../common/query-boolean.transform';
import { ALL_ROLES, type Role } from '../identity/roles';

/**
 * TERMINATE: the procedure ends because the applicant does not cooperate (survey refused, data check not
 * authorised). DELIVER: the only answer to a delivery task — the refusal or termination notice was served.
 */
export const DECISIONS = ['APPROVE', 'REJECT', 'RETURN', 'TERMINATE', 'DELIVER'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * The service of a notice (送达回证): when, how, to whom. Left at the residence (the recipient refused to sign),
 * at least one witness is named; by post, the postal tracking number.
 */
export class DeliveryInput {
  @IsCalendarDate({ message: '送达日期应为存在的日期，格式YYYY-MM-DD' })
  deliveredOn: string;

  @IsIn(DELIVERY_METHODS, {
    message:
      '送达方式只能是IN_PERSON（直接送达）、LEFT_AT_RESIDENCE（留置送达）、BY_POST（邮寄送达）或ELECTRONIC（电子送达）',
  })
  method: DeliveryMethod;

  /** Who received it: the applicant or an adult member of the household. */
  @IsString()
  @IsNotEmpty({ message: '请填写受送达人' })
  @MaxLength(50, { message: '受送达人不能超过50个字符' })
  recipient: string;

  /** Required when left at the residence; checked whenever given (it is printed on the filed receipt). */
  @ValidateIf((d: DeliveryInput) => d.method === 'LEFT_AT_RESIDENCE' || d.witnesses !== undefined)
  @IsArray({ message: '留置送达须写明见证人' })
  @ArrayMinSize(1, { message: '留置送达须写明见证人' })
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: '见证人姓名不能为空' })
  @MaxLength(50, { each: true })
  witnesses?: string[];

  /** Required by post; checked whenever given. */
  @ValidateIf((d: DeliveryInput) => d.method === 'BY_POST' || d.trackingNo !== undefined)
  @IsString({ message: '邮寄送达须填写邮件号码' })
  @Matches(/^[A-Za-z0-9]{8,30}$/, { message: '邮件号码应为8至30位字母或数字' })
  trackingNo?: string;
}

/** A home visit by the county (入户核查): when, by whom (at least two staff), what they found. */
export class HomeVisitInput {
  @IsCalendarDate({ message: '入户核查日期应为存在的日期，格式YYYY-MM-DD' })
  visitedOn: string;

  @IsArray({ message: '请列出入户核查人员' })
  @ArrayMinSize(2, { message: '入户核查至少由两名工作人员进行' })
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: '核查人员姓名不能为空' })
  @MaxLength(50, { each: true })
  visitors: string[];

  @IsString()
  @IsNotEmpty({ message: '请填写入户核查情况' })
  @MaxLength(2000, { message: '入户核查情况不能超过2000个字符' })
  findings: string;
}

/** A neighbour visited during the survey (邻里走访), and what they said. */
export class NeighbourVisitInput {
  @IsString()
  @IsNotEmpty({ message: '请填写走访对象' })
  @MaxLength(50, { message: '走访对象不能超过50个字符' })
  neighbour: string;

  @IsString()
  @IsNotEmpty({ message: '请填写走访情况' })
  @MaxLength(500, { message: '走访情况不能超过500个字符' })
  statement: string;
}

/**
 * The economic survey (入户调查) as structured data: when, by whom (at least two staff), the household's living
 * conditions, neighbours visited, proofs asked for, and photos — evidence items already filed for the application.
 */
export class SurveyInput {
  @IsCalendarDate({ message: '入户调查日期应为存在的日期，格式YYYY-MM-DD' })
  surveyedOn: string;

  @IsArray({ message: '请列出调查人员' })
  @ArrayMinSize(2, { message: '入户调查至少由两名工作人员进行' })
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: '调查人员姓名不能为空' })
  @MaxLength(50, { each: true })
  surveyors: string[];

  @IsString()
  @IsNotEmpty({ message: '请填写居住和生活情况' })
  @MaxLength(2000, { message: '居住和生活情况不能超过2000个字符' })
  livingConditions: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10, { message: '邻里走访至多10条' })
  @ValidateNested({ each: true })
  @Type(() => NeighbourVisitInput)
  neighbourVisits?: NeighbourVisitInput[];

  /** Proofs asked of the household or of agencies (证明材料). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: '需补充的证明材料至多20项' })
  @IsString({ each: true })
  @MaxLength(190, { each: true, message: '每项证明材料不能超过190个字符' })
  evidenceRequests?: string[];

  /** Photos taken at the home: evidence items already filed for this application (uploaded as evidence). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: '现场照片至多20张' })
  @IsUUID('4', { each: true, message: '照片应为已归档证明材料的编号' })
  photoDocumentIds?: string[];
}

/** The minutes of a democratic appraisal (民主评议): when, how many took part, how they voted, what was said. */
export class AppraisalInput {
  @IsCalendarDate({ message: '民主评议日期应为存在的日期，格式YYYY-MM-DD' })
  heldOn: string;

  @IsInt({ message: '参加人数应为整数' })
  @Min(1, { message: '参加人数至少1人' })
  @Max(1000)
  participants: number;

  @IsInt({ message: '同意票数应为整数' })
  @Min(0)
  @Max(1000)
  votesFor: number;

  @IsInt({ message: '不同意票数应为整数' })
  @Min(0)
  @Max(1000)
  votesAgainst: number;

  @IsString()
  @IsNotEmpty({ message: '请填写民主评议记录' })
  @MaxLength(4000, { message: '民主评议记录不能超过4000个字符' })
  minutes: string;
}

/**
 * A staff decision on a task of their inbox. Idempotent by key: the same key returns the first result.
 *
 * Lists in a decision are printed joined on one line of the step's filed form, whose fields the archive takes up
 * to 4,000 characters; the limits below keep the longest list inside that (20 × 190 + separators, 30 × 120 + …),
 * so a decision the chain accepts can always be filed.
 */
export class DecideTaskRequest {
  @IsUUID('4', { message: '任务编号格式不正确' })
  taskId: string;

  @IsIn(DECISIONS, {
    message:
      '决定只能是APPROVE（同意）、REJECT（不同意）、RETURN（退回）、TERMINATE（因申请人不配合终止审批）或DELIVER（登记送达）',
  })
  decision: Decision;

  @IsString()
  @IsNotEmpty({ message: '请填写意见' })
  @MaxLength(2000, { message: '意见不能超过2000个字符' })
  opinion: string;

  /**
   * REJECT, TERMINATE: the reasons printed on the refusal or termination notice. Lists given with any decision are
   * checked (the step's record prints them): a malformed one would otherwise stop the chain when it files.
   */
  @ValidateIf(
    (r: DecideTaskRequest) => r.decision === 'REJECT' || r.decision === 'TERMINATE' || r.reasons !== undefined,
  )
  @IsArray({ message: '不同意或终止审批时必须写明理由' })
  @ArrayMinSize(1, { message: '不同意或终止审批时必须写明理由' })
  @ArrayMaxSize(20, { message: '理由至多20条' })
  @IsString({ each: true })
  @MaxLength(190, { each: true, message: '每条理由不能超过190个字符' })
  reasons?: string[];

  /** RETURN: to the previous stage, or to the applicant for more material (with what is missing). */
  @ValidateIf((r: DecideTaskRequest) => r.decision === 'RETURN')
  @IsIn(['PREVIOUS', 'APPLICANT'], { message: '退回对象只能是PREVIOUS（上一环节）或APPLICANT（申请人）' })
  returnTo?: 'PREVIOUS' | 'APPLICANT';

  @ValidateIf(
    (r: DecideTaskRequest) => (r.decision === 'RETURN' && r.returnTo === 'APPLICANT') || r.missing !== undefined,
  )
  @IsArray({ message: '退回申请人补正时必须列明缺少的材料' })
  @ArrayMinSize(1, { message: '退回申请人补正时必须列明缺少的材料' })
  @ArrayMaxSize(30, { message: '需补正的材料至多30项' })
  @IsString({ each: true })
  @MaxLength(120, { each: true, message: '每项需补正的材料不能超过120个字符' })
  missing?: string[];

  /** The county's home visit: required for conflict-of-interest cases and cases with an objection. */
  @IsOptional()
  @ValidateNested()
  @Type(() => HomeVisitInput)
  homeVisit?: HomeVisitInput;

  /** The economic survey, recorded with the decision of the stage that surveyed. */
  @IsOptional()
  @ValidateNested()
  @Type(() => SurveyInput)
  survey?: SurveyInput;

  /** The minutes of a democratic appraisal: required where the policy or an objection asks for one. */
  @IsOptional()
  @ValidateNested()
  @Type(() => AppraisalInput)
  appraisal?: AppraisalInput;

  /** DELIVER: how the notice was served. */
  @ValidateIf((r: DecideTaskRequest) => r.decision === 'DELIVER')
  @IsDefined({ message: '登记送达时须填写送达情况（delivery）' })
  @ValidateNested()
  @Type(() => DeliveryInput)
  delivery?: DeliveryInput;

  @IsIdempotencyKey(128)
  idempotencyKey: string;
}

export const TASK_CLAIM_FILTERS = ['MINE', 'UNCLAIMED'] as const;
export type TaskClaimFilter = (typeof TASK_CLAIM_FILTERS)[number];

export class ListTasksRequest extends PageRequest {
  @IsOptional()
  @IsIn(DECISION_STAGES)
  stage?: DecisionStage;

  @IsOptional()
  @IsIn(TASK_PURPOSES, { message: '任务类型只能是DECISION（审批决定）或DELIVERY（送达）' })
  purpose?: TaskPurpose;

  /** Only the task(s) of one application (e.g. after filing it, to go straight to its step). */
  @IsOptional()
  @IsUUID('4', { message: '申请编号格式不正确' })
  applicationId?: string;

  /** Only the task of the application with this number, as printed on its documents. */
  @IsOptional()
  @Matches(/^SQ-\d{6}-\d{4}-\d{6}$/, { message: '申请编号应形如SQ-220102-2026-000001' })
  applicationNo?: string;

  /**
   * Only applications of this division (a county, street or community of the caller's own area, e.g. one
   * community of a street); an area outside the caller's is refused.
   */
  @IsOptional()
  @IsDivisionCode()
  divisionCode?: string;

  /** Only tasks past their stage's due date. Also accepted as the query-string text 'true' / 'false'. */
  @IsOptional()
  @FromQueryBoolean()
  @IsBoolean({ message: 'overdueOnly 只能是 true 或 false' })
  overdueOnly?: boolean;

  /** Only tasks due on or before this day (what must be done this week); a task whose due date is unknown is not. */
  @IsOptional()
  @IsCalendarDate({ message: 'dueBy 应为YYYY-MM-DD格式的日期' })
  dueBy?: string;

  /** MINE: the tasks you signed for; UNCLAIMED: those nobody has. */
  @IsOptional()
  @IsIn(TASK_CLAIM_FILTERS, { message: 'claim 只能是 MINE（我签收的）或 UNCLAIMED（未签收的）' })
  claim?: TaskClaimFilter;

  /** Only tasks whose application is past its overall limit (30/45 working days from acceptance). */
  @IsOptional()
  @FromQueryBoolean()
  @IsBoolean({ message: 'overallOverdueOnly 只能是 true 或 false' })
  overallOverdueOnly?: boolean;
}

/** What a decision on the task must carry, and why (see TaskRequirement). */
export class TaskRequirementInput implements TaskRequirement {
  @IsIn(TASK_REQUIREMENT_KINDS)
  kind: TaskRequirementKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason: string;
}

/** Opened by the workflow when a stage starts (system only). Idempotent per (workflow, stage, attempt). */
export class OpenTaskRequest {
  /** The chain's own id for the task (so it knows the task before staff see it). */
  @IsOptional()
  @IsUUID('4')
  taskId?: string;

  @IsUUID('4')
  applicationId: string;

  @IsString()
  @IsNotEmpty()
  applicationNo: string;

  @IsUUID('4')
  householdId: string;

  @Matches(/^\d{12}$/)
  divisionCode: string;

  @IsString()
  @IsNotEmpty()
  workflowId: string;

  @IsIn(DECISION_STAGES)
  stage: DecisionStage;

  /** DECISION when absent (chains started before delivery tasks existed). */
  @IsOptional()
  @IsIn(TASK_PURPOSES)
  purpose?: TaskPurpose;

  @IsString()
  @IsNotEmpty()
  role: string;

  @IsInt()
  @Min(1)
  attempt: number;

  @IsInt()
  @Min(0)
  @Max(365)
  limitWorkingDays: number;

  /** The Beijing date the stage opened (from workflow time). */
  @IsCalendarDate()
  openedOn: string;

  /** The last working day of the application's overall limit (30/45 working days from acceptance), if known. */
  @IsOptional()
  @IsCalendarDate()
  overallDueDate?: string;

  /** When the overall due date is unknown for want of a holiday calendar: the year that is missing. */
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2200)
  overallCalendarMissingYear?: number;

  /** What a decision must carry besides the opinion (none when absent). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TASK_REQUIREMENT_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => TaskRequirementInput)
  requirements?: TaskRequirementInput[];
}

/** Where an application's approval chain stands (the chain's `state` query). */
export class ChainStateRequest {
  @IsUUID('4', { message: '申请编号格式不正确' })
  applicationId: string;
}

/** A period of days, its first and last (a clock stops during it). */
export class DatePeriod {
  @IsCalendarDate()
  from: string;

  @IsCalendarDate()
  to: string;
}

/**
 * The last of `workingDays` working days after `from` on the holiday calendar, the working days of the
 * `excluding` periods not counted (a clock that stops during publicity).
 */
export class WorkingDaysDueRequest {
  @IsCalendarDate()
  from: string;

  @IsInt()
  @Min(1)
  @Max(365)
  workingDays: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DatePeriod)
  excluding?: DatePeriod[];
}

export interface WorkingDaysDueReply {
  /** Null when the calendar of a year it needs is not loaded (never a guess). */
  dueDate: string | null;
  calendarMissingYear: number | null;
}

export class CloseTaskRequest {
  @IsUUID('4')
  taskId: string;

  @IsIn([...DECISIONS, 'CANCELLED'])
  outcome: Decision | 'CANCELLED';

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  opinion?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  decidedBy?: string;

  @IsOptional()
  @IsUUID('4')
  documentId?: string;
}

export class EscalateTaskRequest {
  @IsUUID('4')
  taskId: string;
}

/**
 * A staff member signs for an open task (签收) so colleagues of the same inbox see it is being worked on; only
 * they may then decide it until they give it back (`release`).
 */
export class ClaimTaskRequest {
  @IsUUID('4', { message: '任务编号格式不正确' })
  taskId: string;

  /** true: give the task back to the inbox. */
  @IsOptional()
  @IsBoolean({ message: 'release 只能是 true 或 false' })
  release?: boolean;
}

/**
 * An account's standing changed (deactivated, other roles, another division): the open tasks it signed for and
 * may no longer decide go back to their inbox, or no colleague could ever decide them. Sent by the gateway, as
 * the administrator making the change, before the change is committed; or, with `all`, when an administrator
 * takes back every task of someone who is away (收回).
 */
export class ReleaseClaimsRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  /** The account's standing after the change. */
  @IsBoolean()
  active: boolean;

  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(ALL_ROLES, { each: true, message: '角色不存在' })
  roles: Role[];

  @IsDivisionCode()
  divisionCode: string;

  /** true: every open task it holds, whatever its standing (收回: the holder is away and cannot act for now). */
  @IsOptional()
  @IsBoolean({ message: 'all 只能是 true 或 false' })
  all?: boolean;
}

export interface ReleaseClaimsReply {
  /** The tasks given back to their inbox. */
  releasedTaskIds: string[];
}

/**
 * Due dates a chain worked out once the holiday calendar of their year was loaded (they were null until then):
 * the open task's own and the application's overall one. The system's (the chain's activity).
 */
export class RescheduleTaskRequest {
  @IsUUID('4')
  taskId: string;

  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;

  @IsOptional()
  @IsCalendarDate()
  overallDueDate?: string;
}

export class ResolveApprovalPolicyRequest {
  @Matches(/^\d{12}$/)
  divisionCode: string;

  @IsCalendarDate()
  at: string;
}

export interface TaskReply {
  id: string;
  applicationId: string;
  applicationNo: string;
  householdId: string;
  divisionCode: string;
  stage: DecisionStage;
  purpose: TaskPurpose;
  role: string;
  attempt: number;
  status: 'OPEN' | 'DONE' | 'CANCELLED';
  openedAt: string;
  /** Last working day to decide; null when the holiday calendar of that year is not loaded. */
  dueDate: string | null;
  /** Set when the due date could not be computed: which year's calendar is missing. */
  calendarMissingYear: number | null;
  overdue: boolean;
  /** The last working day of the application's overall limit, when the chain tracks it. */
  overallDueDate: string | null;
  /** Set when the overall due date could not be computed: which year's calendar is missing. */
  overallCalendarMissingYear: number | null;
  /** Still open after the overall limit. */
  overallOverdue: boolean;
  /** What a decision must carry besides the opinion (a survey record, appraisal minutes, a home visit), and why. */
  requirements: TaskRequirement[];
  escalatedAt: string | null;
  /** Who signed for the task (签收), and when; null while nobody has. */
  claimedBy: string | null;
  claimedAt: string | null;
  outcome: string | null;
  opinion: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  documentId: string | null;
}

/** Every task of a household's applications, decided or open, at every level (in the caller's division). */
export class TaskHistoryRequest {
  @IsUUID('4', { message: '家庭编号格式不正确' })
  householdId: string;
}

export interface TaskHistoryReply {
  /** Oldest first: the steps in the order they were opened. */
  items: TaskReply[];
}

export interface ListTasksReply {
  items: TaskReply[];
  /** Open tasks matching the filters, of which `items` is the page from `offset`. */
  total: number;
}

/** What a decision led to, once its record is filed. */
export interface DecisionReply {
  taskId: string;
  decision: Decision;
  /** The archived record of the step. */
  documentId: string;
  /** The stage now open, or the outcome. */
  next: DecisionStage | 'PUBLICITY' | 'APPROVED' | 'REJECTED' | 'TERMINATED' | 'APPLICANT';
}

export class CalendarDay {
  @IsCalendarDate()
  date: string;

  @IsBoolean()
  isOffDay: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  name?: string;
}

/** A year's official holiday arrangement, as published (holiday-cn format). Replaces that year's days. */
export class LoadCalendarRequest {
  @IsInt({ message: '年份必须是整数' })
  @Min(2000, { message: '年份超出范围' })
  @Max(2100, { message: '年份超出范围' })
  year: number;

  @IsArray()
  @ArrayMinSize(1, { message: '至少包含一天的安排' })
  @ArrayMaxSize(120, { message: '一年的节假日安排不超过120天' })
  @ValidateNested({ each: true })
  @Type(() => CalendarDay)
  days: CalendarDay[];

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  papers?: string[];
}

/** An objection received during publicity, recorded by the community's caseworker. Idempotent by key. */
export class RecordObjectionRequest {
  @IsUUID('4', { message: '申请编号格式不正确' })
  applicationId: string;

  @IsString()
  @IsNotEmpty({ message: '请填写异议内容' })
  @MaxLength(2000, { message: '异议内容不能超过2000个字符' })
  summary: string;

  @IsIdempotencyKey(128)
  idempotencyKey: string;
}
