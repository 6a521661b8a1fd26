import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import { IsAccountNumber, IsBankCode, IsMonth } from './enrolment.request';
import { LINE_STATUSES, type LineStatus } from './line-status';
import type { FailureCode } from './payroll.reply';
import type { StatisticsRow } from '../archive/accounting-record.request';
import { IsDivisionCode } from '../common/division-code.validator';
import { IsIdempotencyKey } from '../common/idempotency-key.validator';

export { LINE_STATUSES, LINE_STATUS_LABELS, type LineStatus } from './line-status';
export {
  FAILURE_CODES,
  FAILURE_LABELS,
  type FailureCode,
  type LineReply,
  type ListLinesReply,
  PAYEE_HOLD_FAILURES,
  type PayrollStatementReply,
  type StartPayrollReply,
  type StatementTotals,
} from './payroll.reply';

/** How many batches each bank's lines go into this month (system: the payroll workflow, before generating). */
export class PlanPayrollRequest {
  @IsMonth()
  month: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50_000)
  batchSize?: number;
}

export interface PlanPayrollReply {
  month: string;
  /** Batches per bank code; empty when the month's batches exist already (new lines then go to new batches). */
  batchesPerBank: Record<string, number>;
}

/** Generate one month's lines for one chunk of the enrolments (system: the payroll workflow). Idempotent. */
export class GeneratePayrollRequest {
  @IsMonth()
  month: string;

  /** From the plan: each line is put in one of its bank's batches as it is written (by a hash of the household). */
  @IsOptional()
  @IsObject()
  batchesPerBank?: Record<string, number>;

  @IsInt()
  @Min(0)
  chunk: number;

  @IsInt()
  @Min(1)
  @Max(256)
  chunks: number;
}

export interface GeneratePayrollReply {
  month: string;
  chunk: number;
  /** Lines added by this call (0 when the chunk was generated before). */
  inserted: number;
}

/** Seal the month's generated lines into the ledger: index them and attach them (system: the payroll). */
export class SealPayrollRequest {
  @IsMonth()
  month: string;
}

export interface SealPayrollReply {
  month: string;
  /** True when this call sealed the month; false when it was sealed before. */
  sealed: boolean;
  /** The month's lines in the ledger. */
  lines: number;
}

/** Put the month's unbatched lines (and failed lines carried from earlier months) into batches per bank. */
export class BuildBatchesRequest {
  @IsMonth()
  month: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50_000)
  batchSize?: number;
}

export interface BuildBatchesReply {
  month: string;
  /** The cycle's batches and the lines in them (a re-run gives the same figures). */
  batches: number;
  lines: number;
  carried: number;
}

export class PayrollStatementRequest {
  @IsMonth()
  month: string;
}

export class StartPayrollRequest {
  @IsMonth()
  month: string;
}

export class ListLinesRequest {
  @IsOptional()
  @IsMonth()
  month?: string;

  @IsOptional()
  @IsUUID('4', { message: '家庭编号格式不正确' })
  householdId?: string;

  @IsOptional()
  @IsIn(LINE_STATUSES, { message: '状态只能是PENDING、PAID、FAILED、HELD或CANCELLED' })
  status?: LineStatus;

  @IsOptional()
  @IsDivisionCode()
  divisionCode?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '条数必须是整数' })
  @Min(1, { message: '条数为1至500' })
  @Max(500, { message: '条数为1至500' })
  limit?: number;

  /** Lines with a larger id than this (keyset paging). */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '起始编号必须是整数' })
  @Min(0)
  after?: number;
}

/** A command on one payroll line (finance), idempotent by its key. */
abstract class LineCommandRequest {
  @IsIdempotencyKey()
  idempotencyKey: string;

  @IsInt()
  @Min(1)
  lineId: number;
}

/**
 * Re-issue a failed line after the account is corrected, or a held one (a month owed while the benefit's card could
 * not receive) to a new card — the way to pay it once the benefit has stopped (county finance), with who and why.
 */
export class ReissueLineRequest extends LineCommandRequest {
  /** Left out: the account the benefit is paid into now (after a 收款账户变更 or a change of head). */
  @IsOptional()
  @IsAccountNumber()
  accountNo?: string;

  @IsOptional()
  @IsBankCode()
  bankCode?: string;

  @IsString()
  @IsNotEmpty({ message: '请填写重新发放的原因' })
  @MaxLength(300)
  reason: string;
}

/**
 * Cancel a held line that is not owed (不予发放), e.g. a month after the holder's death that the stop of the benefit
 * came too late to leave out (county finance), with why. It is never paid; the month's statement counts it apart.
 */
export class CancelLineRequest extends LineCommandRequest {
  @IsString()
  @IsNotEmpty({ message: '请填写不予发放的原因' })
  @MaxLength(300)
  reason: string;
}

export class PaymentHistoryRequest {
  @IsUUID('4', { message: '家庭编号格式不正确' })
  householdId: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  months?: number;
}

export interface PaymentHistoryReply {
  householdId: string;
  /** The community of the newest line; null when the household was never on a payroll. */
  divisionCode: string | null;
  items: Array<{
    month: string;
    amountFen: number;
    baseFen: number;
    supplementFen: number;
    status: LineStatus;
    bankCode: string;
    bankReference: string | null;
    failureCode: FailureCode | null;
    settledAt: string | null;
  }>;
}

/** The communities with lines in a month (system: the payroll workflow, to file their rosters). */
export class RosterCommunitiesRequest {
  @IsMonth()
  month: string;
}

export interface RosterCommunitiesReply {
  month: string;
  divisionCodes: string[];
}

/** A community's roster for a month: every line, account masked (system, or payment:read in scope). */
export class GetRosterRequest {
  @IsMonth()
  month: string;

  @Matches(/^\d{12}$/, { message: '社区（村）行政区划代码应为12位数字' })
  divisionCode: string;
}

export interface RosterReply {
  month: string;
  divisionCode: string;
  lines: Array<{
    headName: string;
    accountMasked: string;
    bankCode: string;
    baseFen: number;
    supplementFen: number;
    amountFen: number;
    status: LineStatus;
    bankReference: string | null;
  }>;
}

/** The statistics reports of a period, one per county: what was paid, per community (system, or payment:read). */
export class GetPaymentStatisticsRequest {
  @IsIn(['STATISTICS_MONTHLY', 'STATISTICS_QUARTERLY', 'STATISTICS_ANNUAL'], {
    message: '报表类型只能是STATISTICS_MONTHLY、STATISTICS_QUARTERLY或STATISTICS_ANNUAL',
  })
  recordType: 'STATISTICS_MONTHLY' | 'STATISTICS_QUARTERLY' | 'STATISTICS_ANNUAL';

  /** YYYY-MM, YYYY-Qn or YYYY, by report type. */
  @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, { message: '期间格式应为YYYY-MM、YYYY-Qn或YYYY' })
  period: string;
}

export interface PaymentStatisticsReply {
  recordType: GetPaymentStatisticsRequest['recordType'];
  period: string;
  counties: Array<{ countyCode: string; rows: StatisticsRow[] }>;
}
