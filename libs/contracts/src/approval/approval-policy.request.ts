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
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { APPROVAL_MODELS, type ApprovalPolicy, DECISION_STAGES, type DecisionStage } from './approval-policy';
import { IsIdempotencyKey } from '../common/idempotency-key.validator';
import { IsCalendarDate } from '../common/identity.validators';
import { ALL_ROLES, type Role } from '../identity/roles';

/** A province (2 digits), prefecture (4) or county (6): the levels that set the approval procedure. */
const IsPolicyDivision = (): PropertyDecorator =>
  Matches(/^(\d{2}|\d{4}|\d{6})$/, { message: '审批流程按省级（2位）、地级（4位）或县级（6位）行政区划制定' });

export class StagePolicyInput {
  @IsIn(DECISION_STAGES, { message: '审批环节只能是COMMUNITY、STREET或COUNTY' })
  stage: DecisionStage;

  @IsIn(ALL_ROLES, { message: '办理角色不存在' })
  role: Role;

  @IsInt({ message: '办理时限应为整数个工作日' })
  @Min(1, { message: '办理时限至少1个工作日' })
  @Max(60, { message: '办理时限不超过60个工作日' })
  limitWorkingDays: number;
}

/** The rules of one version of a procedure; how they fit together is checked by checkApprovalRules. */
export class ApprovalRulesInput {
  @IsIn(APPROVAL_MODELS, { message: '审批模式只能是THREE_LEVEL、NATIONAL_2021或DELEGATED' })
  model: ApprovalPolicy['model'];

  @IsArray({ message: '请列出审批环节' })
  @ArrayMinSize(1, { message: '至少一个审批环节' })
  @ArrayMaxSize(3, { message: '至多三个审批环节' })
  @ValidateNested({ each: true })
  @Type(() => StagePolicyInput)
  stages: StagePolicyInput[];

  @IsIn(DECISION_STAGES, { message: '公示环节只能是COMMUNITY、STREET或COUNTY' })
  publicityAfter: DecisionStage;

  @IsOptional()
  @IsBoolean({ message: 'surveyRequired 须为 true 或 false' })
  surveyRequired?: boolean;

  @IsOptional()
  @IsInt({ message: '入户抽查比例应为整数（百分比）' })
  @Min(0, { message: '入户抽查比例不能小于0' })
  @Max(100, { message: '入户抽查比例不能大于100' })
  homeVisitSamplePercent?: number;

  @IsOptional()
  @IsBoolean({ message: 'overallClockExcludesPublicity 须为 true 或 false' })
  overallClockExcludesPublicity?: boolean;

  @IsOptional()
  @IsIn(['ON_OBJECTION', 'ALWAYS', 'NEVER'], { message: '民主评议只能是ON_OBJECTION、ALWAYS或NEVER' })
  appraisal?: 'ON_OBJECTION' | 'ALWAYS' | 'NEVER';

  @IsInt({ message: '公示天数应为整数' })
  @Min(1, { message: '公示期至少1天' })
  @Max(30, { message: '公示期不超过30天' })
  publicityDays: number;

  @IsInt({ message: '总时限应为整数个工作日' })
  @Min(1, { message: '总时限至少1个工作日' })
  @Max(90, { message: '总时限不超过90个工作日' })
  overallLimitWorkingDays: number;

  @IsOptional()
  @IsInt({ message: '延长后的总时限应为整数个工作日' })
  @Min(1, { message: '延长后的总时限至少1个工作日' })
  @Max(90, { message: '延长后的总时限不超过90个工作日' })
  extendedLimitWorkingDays?: number;

  @IsOptional()
  @IsInt({ message: '送达时限应为整数个工作日' })
  @Min(1, { message: '送达时限至少1个工作日' })
  @Max(15, { message: '送达时限不超过15个工作日' })
  noticeDeliveryWorkingDays?: number;

  @IsInt({ message: '起始发放月份偏移应为整数' })
  @Min(0, { message: '起始发放月份不能早于批准当月' })
  @Max(3, { message: '起始发放月份不晚于批准后第3个月' })
  firstPaymentMonthOffset: number;
}

/**
 * A new version of a division's approval procedure, in force from a day not yet begun (a running chain keeps the
 * version it started with; the past is never rewritten). The version in force before it is closed the day before.
 */
export class CreateApprovalPolicyRequest {
  @IsPolicyDivision()
  divisionCode: string;

  @IsCalendarDate({ message: '生效日期应为存在的日期，格式YYYY-MM-DD' })
  effectiveFrom: string;

  @IsDefined({ message: '请提供审批规则（rules）' })
  @ValidateNested()
  @Type(() => ApprovalRulesInput)
  rules: ApprovalRulesInput;

  /** The decision it comes from (document number, meeting). */
  @IsString()
  @IsNotEmpty({ message: '请填写调整依据（文件文号或会议纪要）' })
  @MaxLength(300, { message: '调整依据不能超过300个字符' })
  reason: string;

  @IsIdempotencyKey(128)
  idempotencyKey: string;
}

/** The versions governing a division: its own and those of the levels above it, optionally only those in force. */
export class ListApprovalPoliciesRequest {
  @Matches(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, { message: '行政区划代码应为2、4、6、9或12位数字' })
  divisionCode: string;

  @IsOptional()
  @IsCalendarDate({ message: '日期应为存在的日期，格式YYYY-MM-DD' })
  at?: string;
}
