import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
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
  @IsIn(BATCH_STATUSES, { message: 'status must be READY, ACKNOWLEDGED or SETTLED' })
  status?: BatchStatus;
}

export class BankBatchRequest extends BankRequestBase {
  @Matches(/^[A-Za-z0-9-]{1,40}$/, { message: 'batchId is malformed' })
  batchId: string;
}

export class BankBatchLinesRequest extends BankBatchRequest {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'after must be an integer line id' })
  @Min(0)
  after?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be 1–5000' })
  @Max(5_000, { message: 'limit must be 1–5000' })
  limit?: number;
}

export class LineResult {
  @IsInt({ message: 'lineId must be an integer' })
  @Min(1)
  lineId: number;

  @IsIn(['PAID', 'FAILED'], { message: 'outcome must be PAID or FAILED' })
  outcome: 'PAID' | 'FAILED';

  /** Must equal the line's amount (fen). */
  @IsInt({ message: 'amountFen must be an integer number of fen' })
  @Min(0)
  amountFen: number;

  @ValidateIf((result: LineResult) => result.outcome === 'PAID')
  @IsString()
  @IsNotEmpty({ message: 'bankReference is required for a paid line' })
  @MaxLength(64)
  bankReference?: string;

  @ValidateIf((result: LineResult) => result.outcome === 'FAILED')
  @IsIn(FAILURE_CODES, { message: `failureCode must be one of ${FAILURE_CODES.join(', ')}` })
  failureCode?: FailureCode;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  failureReason?: string;
}

/** Up to 5,000 results per request; the same results posted again change nothing. */
export class BankPostResultsRequest extends BankBatchRequest {
  @IsArray()
  @ArrayMinSize(1, { message: 'results must not be empty' })
  @ArrayMaxSize(5_000, { message: 'at most 5000 results per request' })
  @ValidateNested({ each: true })
  @Type(() => LineResult)
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
