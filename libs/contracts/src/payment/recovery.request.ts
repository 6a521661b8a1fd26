import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

import { IsMonth } from './enrolment.request';
import { IsDivisionCode } from '../common/division-code.validator';
import { IsIdempotencyKey } from '../common/idempotency-key.validator';
import { IsCalendarDate } from '../common/identity.validators';
import { PageRequest } from '../common/page.request';

/**
 * Money paid that was not owed, ordered back by the county (追回): overpaid (a change reported late, paid in error),
 * or obtained by fraud (虚报、隐瞒、伪造), which is also fined one to three times the amount (2014 measures Art. 68).
 */
export const RECOVERY_KINDS = ['OVERPAYMENT', 'FRAUD'] as const;
export type RecoveryKind = (typeof RECOVERY_KINDS)[number];
export const RECOVERY_KIND_LABELS: Record<RecoveryKind, string> = {
  OVERPAYMENT: '多领（错发）追回',
  FRAUD: '骗取追回并处罚款',
};

/** The county orders back what a benefit paid for some months (enrolment:change), filing its decision. */
export class CreateRecoveryRequest {
  @IsIdempotencyKey()
  idempotencyKey: string;

  @IsUUID('4', { message: '待遇编号格式不正确' })
  enrolmentId: string;

  @IsIn(RECOVERY_KINDS, { message: '追回类型只能是OVERPAYMENT（多领错发）或FRAUD（骗取）' })
  kind: RecoveryKind;

  /** The months not owed, first and last (inclusive): what was paid for them is ordered back. */
  @IsMonth()
  fromMonth: string;

  @IsMonth()
  toMonth: string;

  /** FRAUD only: the fine, one to three times the amount obtained (分). */
  @IsOptional()
  @IsInt({ message: '罚款金额应为整数（分）' })
  @Min(0)
  @Max(100_000_000)
  fineFen?: number;

  /** The decision's number (决定书文号). */
  @IsString()
  @IsNotEmpty({ message: '请填写决定书文号' })
  @MaxLength(100)
  decision: string;

  @IsString()
  @IsNotEmpty({ message: '请填写追回理由' })
  @MaxLength(500)
  reason: string;
}

/** Money repaid against a recovery (finance, payment:manage), with its receipt. */
export class RecordRepaymentRequest {
  @IsIdempotencyKey()
  idempotencyKey: string;

  @IsUUID('4', { message: '追回编号格式不正确' })
  recoveryId: string;

  @IsInt({ message: '缴回金额应为整数（分）' })
  @Min(1, { message: '缴回金额应大于0' })
  amountFen: number;

  @IsCalendarDate({ message: '缴回日期应为存在的日期，格式YYYY-MM-DD' })
  receivedOn: string;

  /** The receipt or bank slip number (缴款凭证号). */
  @IsString()
  @IsNotEmpty({ message: '请填写缴款凭证号' })
  @MaxLength(60)
  receiptNo: string;
}

export class GetRecoveryRequest {
  @IsUUID('4', { message: '追回编号格式不正确' })
  recoveryId: string;
}

export type RecoveryStatus = 'OUTSTANDING' | 'SETTLED';

/** Recoveries in the caller's division, newest first. */
export class ListRecoveriesRequest extends PageRequest {
  @IsOptional()
  @IsDivisionCode()
  divisionCode?: string;

  @IsOptional()
  @IsIn(['OUTSTANDING', 'SETTLED'], { message: '状态只能是OUTSTANDING或SETTLED' })
  status?: RecoveryStatus;

  @IsOptional()
  @IsUUID('4', { message: '家庭编号格式不正确' })
  householdId?: string;
}

export interface RepaymentReply {
  id: string;
  amountFen: number;
  receivedOn: string;
  receiptNo: string;
  recordedBy: string;
  recordedAt: string;
}

export interface RecoveryReply {
  id: string;
  enrolmentId: string;
  householdId: string;
  divisionCode: string;
  kind: RecoveryKind;
  fromMonth: string;
  toMonth: string;
  /** The months of the period the benefit paid, and what it paid for them. */
  paidMonths: number;
  principalFen: number;
  fineFen: number;
  /** principal + fine: what the household owes. */
  totalFen: number;
  repaidFen: number;
  outstandingFen: number;
  status: RecoveryStatus;
  decision: string;
  reason: string;
  /** The decision filed in the household file (追回最低生活保障金决定书). */
  documentId: string;
  decidedBy: string;
  decidedAt: string;
  repayments: RepaymentReply[];
}

export interface ListRecoveriesReply {
  items: RecoveryReply[];
}
