import {
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
} from 'class-validator';

import { ACCOUNT_NUMBER_PATTERN, MONTH_PATTERN, REVIEW_INTERVALS, type ReviewInterval } from '@app/domain';

import type { ReviewReply } from './enrolment-review.request';
import { IsCommunityCode } from '../common/division-code.validator';
import { IsIdempotencyKey } from '../common/idempotency-key.validator';
import { IsIdNumber } from '../common/identity.validators';

/** A YYYY-MM month. */
export const IsMonth = (): PropertyDecorator => Matches(MONTH_PATTERN, { message: '月份格式应为YYYY-MM' });

export const IsBankCode = (): PropertyDecorator =>
  Matches(/^[A-Z0-9]{2,16}$/, { message: '银行代码应为2至16位大写字母或数字' });

export const IsAccountNumber = (): PropertyDecorator =>
  Matches(ACCOUNT_NUMBER_PATTERN, { message: '银行账号应为12至30位数字' });

const IsFen = (label: string): PropertyDecorator[] => [
  IsInt({ message: `${label}必须是以分为单位的整数` }),
  Min(0, { message: `${label}不能为负数` }),
  Max(100_000_000, { message: `${label}超出合理范围，请核对（单位为分）` }),
];
function Fen(label: string): PropertyDecorator {
  return (target, key) => IsFen(label).forEach((decorate) => decorate(target, key));
}

/** The county's confirmation enrols the household for monthly payment (one open enrolment per household). */
export class CreateEnrolmentRequest {
  @IsIdempotencyKey()
  idempotencyKey: string;

  @IsUUID('4', { message: '家庭编号格式不正确' })
  householdId: string;

  @IsOptional()
  @IsUUID('4', { message: '申请编号格式不正确' })
  applicationId?: string;

  @IsCommunityCode()
  divisionCode: string;

  /** Head of household: the account holder for a per-household benefit (一卡通). */
  @IsString()
  @IsNotEmpty({ message: '请填写户主姓名' })
  @MaxLength(100)
  headName: string;

  @IsIdNumber()
  headIdNumber: string;

  @IsBankCode()
  bankCode: string;

  @IsAccountNumber()
  accountNo: string;

  @Fen('基本保障金')
  baseFen: number;

  @Fen('分类施保金')
  supplementFen: number;

  /** First month paid (the month after the confirmation by default policy). */
  @IsMonth()
  firstMonth: string;

  /** Months between periodic reviews (定期核查): 12 when stable, 6 with a member able to work; default 12. */
  @IsOptional()
  @IsIn(REVIEW_INTERVALS, { message: '核查周期只能是6或12个月' })
  reviewIntervalMonths?: ReviewInterval;

  /** The decision that enrols: e.g. the county confirmation's workflow and step, or a document number. */
  @IsString()
  @IsNotEmpty({ message: '请填写依据的决定' })
  @MaxLength(200)
  decision: string;
}

export const ENROLMENT_CHANGE_KINDS = ['AMOUNT', 'SUSPEND', 'RESUME', 'TERMINATE'] as const;
export type EnrolmentChangeKind = (typeof ENROLMENT_CHANGE_KINDS)[number];

/** 增发/减发, 停发, 恢复, 终止 — effective from a month, each with the decision that caused it. */
export class ChangeEnrolmentRequest {
  @IsIdempotencyKey()
  idempotencyKey: string;

  @IsUUID('4', { message: '待遇编号格式不正确' })
  enrolmentId: string;

  @IsIn(ENROLMENT_CHANGE_KINDS, { message: '变更类型只能是AMOUNT、SUSPEND、RESUME或TERMINATE' })
  kind: EnrolmentChangeKind;

  @IsMonth()
  effectiveMonth: string;

  @ValidateIf((request: ChangeEnrolmentRequest) => request.kind === 'AMOUNT')
  @Fen('基本保障金')
  baseFen?: number;

  @ValidateIf((request: ChangeEnrolmentRequest) => request.kind === 'AMOUNT')
  @Fen('分类施保金')
  supplementFen?: number;

  /**
   * TERMINATE after a gradual exit (渐退, domain §3.4): the income rose above the standard through work, and the
   * benefit goes on unchanged for this many months from `effectiveMonth`, then stops. At most 6 (2022 notice).
   * Refused with any other kind.
   */
  @IsOptional()
  @IsInt({ message: '渐退期应为整月数' })
  @Min(1, { message: '渐退期至少1个月' })
  @Max(6, { message: '渐退期原则上不超过6个月' })
  gradualExitMonths?: number;

  @IsString()
  @IsNotEmpty({ message: '请填写依据的决定（文号或审批记录）' })
  @MaxLength(200)
  decision: string;

  @IsString()
  @IsNotEmpty({ message: '请填写变更原因' })
  @MaxLength(300)
  reason: string;
}

/**
 * The account an enrolment is paid into changes (收款账户变更): a closed or wrong card, or a new head of the
 * household (变更户主, whose card a per-household benefit goes to). Months already on a payroll keep their
 * account (a failed line is re-issued on its own); every later month is paid to this one. Idempotent by key.
 */
export class ChangePayeeRequest {
  @IsIdempotencyKey()
  idempotencyKey: string;

  @IsOptional()
  @IsUUID('4', { message: '待遇编号格式不正确' })
  enrolmentId?: string;

  /** Without `enrolmentId`: the household's open enrolment. */
  @ValidateIf((request: ChangePayeeRequest) => !request.enrolmentId)
  @IsUUID('4', { message: '家庭编号格式不正确' })
  householdId?: string;

  @IsBankCode()
  bankCode: string;

  @IsAccountNumber()
  accountNo: string;

  /** A new head, the account's holder: given by the registry when the head changes, never by staff here. */
  @ValidateIf((request: ChangePayeeRequest) => request.headIdNumber !== undefined)
  @IsString()
  @IsNotEmpty({ message: '请填写新户主姓名' })
  @MaxLength(100)
  headName?: string;

  @ValidateIf((request: ChangePayeeRequest) => request.headName !== undefined)
  @IsIdNumber()
  headIdNumber?: string;

  @IsString()
  @IsNotEmpty({ message: '请填写变更原因' })
  @MaxLength(300, { message: '变更原因不能超过300个字符' })
  reason: string;
}

export class GetEnrolmentRequest {
  @IsOptional()
  @IsUUID('4', { message: '待遇编号格式不正确' })
  enrolmentId?: string;

  @ValidateIf((request: GetEnrolmentRequest) => !request.enrolmentId)
  @IsUUID('4', { message: '家庭编号格式不正确' })
  householdId?: string;
}

export interface EnrolmentTermReply {
  fromMonth: string;
  /** Last month of the term; null: open. */
  toMonth: string | null;
  state: 'ACTIVE' | 'SUSPENDED';
  baseFen: number;
  supplementFen: number;
  totalFen: number;
}

export interface EnrolmentChangeReply {
  kind: 'ENROL' | EnrolmentChangeKind | 'ACCOUNT';
  effectiveMonth: string;
  decision: string;
  reason: string | null;
  actor: string;
  recordedAt: string;
  /** The decision filed into the household file (a change); null for the enrolment itself and the account. */
  documentId: string | null;
  /** A stop after a gradual exit (渐退): the months still paid, before `effectiveMonth`; else null. */
  gradualExit: { months: number; fromMonth: string; toMonth: string } | null;
  /** ACCOUNT: the payee before and after (accounts masked unless revealed); else null. */
  payee: { before: PayeeReply; after: PayeeReply } | null;
}

export interface PayeeReply {
  headName: string;
  bankCode: string;
  accountNo: string;
}

export interface EnrolmentReply {
  id: string;
  householdId: string;
  applicationId: string | null;
  divisionCode: string;
  headName: string;
  /** Masked unless the caller may reveal personal data. */
  headIdNumber: string;
  bankCode: string;
  /** Masked unless the caller may reveal personal data. */
  accountNo: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'TERMINATED';
  firstMonth: string;
  /** Last month paid, once terminated. */
  lastMonth: string | null;
  terms: EnrolmentTermReply[];
  reviewIntervalMonths: ReviewInterval;
  /** When the next periodic review falls due (null once terminated). */
  nextReviewOn: string | null;
  /** Why the next review is due sooner than the cycle (a change in the household); null: the regular cycle. */
  nextReviewReason: string | null;
  lastReviewedOn: string | null;
  /**
   * The card cannot receive (the bank failed a line to it: holder deceased, account closed or not found): from
   * `since`, the months are held (lines HELD, sent to no bank) until the payee is changed to a new card. Null: paid.
   */
  payeeHold: { since: string; reason: string } | null;
  /** Periodic reviews, oldest first. */
  reviews: ReviewReply[];
  changes: EnrolmentChangeReply[];
}
