import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  type ValidationArguments,
  ValidateNested,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';

import { IsMonth } from './enrolment.request';
import { FAILURE_CODES, type FailureCode } from './payroll.request';

/** The signature material of a bank request, as the gateway received it; the payment service checks it. */
export class BankAuth {
  @IsString()
  @MaxLength(32)
  bankCode: string;

  @IsString()
  @MaxLength(10)
  method: string;

  @IsString()
  @MaxLength(2000)
  path: string;

  @IsString()
  @MaxLength(32)
  timestamp: string;

  @IsString()
  @MaxLength(128)
  nonce: string;

  @IsString()
  @MaxLength(128)
  signature: string;

  @IsString()
  @MaxLength(64)
  bodySha256: string;
}

class BankRequestBase {
  @ValidateNested()
  @Type(() => BankAuth)
  auth: BankAuth;
}

export const BATCH_STATUSES = ['READY', 'ACKNOWLEDGED', 'SETTLED'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export class BankListBatchesRequest extends BankRequestBase {
  @IsOptional()
  @IsIn(BATCH_STATUSES, { message: 'status只能是READY、ACKNOWLEDGED或SETTLED' })
  status?: BatchStatus;
}

export class BankBatchRequest extends BankRequestBase {
  @Matches(/^[A-Za-z0-9-]{1,40}$/, { message: '批次编号格式不正确' })
  batchId: string;
}

export class BankBatchLinesRequest extends BankBatchRequest {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'after应为明细编号（整数）' })
  @Min(0)
  after?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit应为整数' })
  @Min(1, { message: 'limit为1至5000' })
  @Max(5_000, { message: 'limit为1至5000' })
  limit?: number;
}

/** One line's result as the bank reports it. */
export interface LineResult {
  lineId: number;
  outcome: 'PAID' | 'FAILED';
  /** Must equal the line's amount (fen). */
  amountFen: number;
  /** Required for a paid line (the bank's transaction reference). */
  bankReference?: string;
  /** Required for a failed line. */
  failureCode?: FailureCode;
  failureReason?: string;
}

const RESULT_KEYS = new Set(['lineId', 'outcome', 'amountFen', 'bankReference', 'failureCode', 'failureReason']);
const isText = (value: unknown, max: number) =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max;
/** PostgreSQL text cannot hold NUL (it was a 500), and no reference or reason needs another control character. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** What is wrong with one result, or undefined. Written as one loop: banks post 5,000 results at a time. */
export function lineResultProblem(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    return '应为对象';
  }
  const r = result as Record<string, unknown>;
  const unknown = Object.keys(r).find((key) => !RESULT_KEYS.has(key));
  if (unknown) {
    return `不允许的字段：${unknown}`;
  }
  if (!Number.isSafeInteger(r.lineId) || (r.lineId as number) < 1) {
    return 'lineId应为正整数';
  }
  if (r.outcome !== 'PAID' && r.outcome !== 'FAILED') {
    return 'outcome只能是PAID或FAILED';
  }
  if (!Number.isSafeInteger(r.amountFen) || (r.amountFen as number) < 0) {
    return 'amountFen应为以分为单位的非负整数';
  }
  if (r.outcome === 'PAID' && !isText(r.bankReference, 64)) {
    return '已支付的明细须有bankReference（不超过64个字符）';
  }
  if (r.outcome === 'FAILED' && !(FAILURE_CODES as readonly unknown[]).includes(r.failureCode)) {
    return `失败的明细须有failureCode：${FAILURE_CODES.join('、')}`;
  }
  for (const key of ['bankReference', 'failureReason'] as const) {
    if (typeof r[key] === 'string' && CONTROL_CHARACTER.test(r[key])) {
      return `${key}不能包含控制字符`;
    }
  }
  if (r.bankReference !== undefined && r.bankReference !== null && !isText(r.bankReference, 64)) {
    return 'bankReference不超过64个字符';
  }
  if (r.failureReason !== undefined && r.failureReason !== null && !isText(r.failureReason, 200)) {
    return 'failureReason不超过200个字符';
  }
  return undefined;
}

/** Every result checked in one pass; the message names the first bad entry and what is wrong with it. */
@ValidatorConstraint({ name: 'lineResults' })
class LineResultsConstraint implements ValidatorConstraintInterface {
  private readonly problems = new WeakMap<object, string>();

  validate(results: unknown, args: ValidationArguments): boolean {
    if (!Array.isArray(results)) {
      return false;
    }
    for (let i = 0; i < results.length; i += 1) {
      const problem = lineResultProblem(results[i]);
      if (problem) {
        this.problems.set(args.object, `results[${i}]：${problem}`);
        return false;
      }
    }
    return true;
  }

  defaultMessage(args: ValidationArguments): string {
    return this.problems.get(args.object) ?? 'results应为数组';
  }
}

/** Up to 5,000 results per request; the same results posted again change nothing. */
export class BankPostResultsRequest extends BankBatchRequest {
  /** Checked in place, not copied element by element, by the platform's validation (BulkArrayContract). */
  static readonly bulkArray = 'results';

  @IsArray({ message: 'results应为数组' })
  @ArrayMinSize(1, { message: 'results不能为空' })
  @ArrayMaxSize(5_000, { message: '每次最多提交5000条结果' })
  @Validate(LineResultsConstraint)
  results: LineResult[];
}

export class BankStatementRequest extends BankRequestBase {
  @IsMonth()
  month: string;
}

export interface BankBatchReply {
  batchId: string;
  month: string;
  bankCode: string;
  kind: 'REGULAR' | 'REISSUE';
  status: BatchStatus;
  lineCount: number;
  totalFen: number;
  createdAt: string;
  acknowledgedAt: string | null;
  settledAt: string | null;
}

export interface BankBatchListReply {
  items: BankBatchReply[];
}

/** A payment instruction as the bank sees it: the full account (the bank needs it) and the holder's name. */
export interface BankLineReply {
  lineId: number;
  month: string;
  accountNo: string;
  accountName: string;
  amountFen: number;
  /** Printed on the statement: 低保金 2026-12. */
  narrative: string;
  status: 'PENDING' | 'PAID' | 'FAILED';
}

export interface BankBatchLinesReply {
  batchId: string;
  items: BankLineReply[];
  /** Pass as `after` for the next page; null at the end. */
  next: number | null;
}

export interface BankPostResultsReply {
  batchId: string;
  accepted: number;
  /** Results identical to ones already recorded (nothing changed for them). */
  unchanged: number;
  batchStatus: BatchStatus;
}

export interface BankStatementReply {
  bankCode: string;
  month: string;
  batches: Array<{
    batchId: string;
    status: BatchStatus;
    lineCount: number;
    totalFen: number;
    paidLines: number;
    paidFen: number;
    failedLines: number;
    failedFen: number;
    pendingLines: number;
    pendingFen: number;
  }>;
  totals: { lines: number; expectedFen: number; paidFen: number; failedFen: number; pendingFen: number };
  balanced: boolean;
}
