import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { MONTH_PATTERN } from '@app/domain';

import { IsCommunityCode } from '../common/division-code.validator';

/** Records kept apart from household files (2008 notice: rosters and vouchers go to the accounting records). */
export const ACCOUNTING_RECORD_TYPES = ['PAYMENT_ROSTER'] as const; // 最低生活保障金发放花名册
export type AccountingRecordType = (typeof ACCOUNTING_RECORD_TYPES)[number];

/** One household on a community's monthly roster. The account is printed masked. */
export class RosterLine {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  headName: string;

  @IsString()
  @MaxLength(40)
  accountMasked: string;

  @IsString()
  @MaxLength(16)
  bankCode: string;

  @IsInt()
  @Min(0)
  baseFen: number;

  @IsInt()
  @Min(0)
  supplementFen: number;

  @IsInt()
  @Min(0)
  amountFen: number;

  @IsIn(['PENDING', 'PAID', 'FAILED'])
  status: 'PENDING' | 'PAID' | 'FAILED';

  @IsOptional()
  @IsString()
  @MaxLength(64)
  bankReference?: string | null;
}

export class FileAccountingRecordRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  idempotencyKey: string;

  @IsIn(ACCOUNTING_RECORD_TYPES)
  recordType: AccountingRecordType;

  /** The community the roster is for. */
  @IsCommunityCode()
  divisionCode: string;

  /** The payroll month, YYYY-MM. */
  @Matches(MONTH_PATTERN, { message: '月份格式应为YYYY-MM' })
  period: string;

  @IsString()
  @IsNotEmpty()
  workflowId: string;

  @IsString()
  @IsNotEmpty()
  step: string;

  @IsString()
  @IsNotEmpty()
  createdBy: string;

  /** The roster's lines, in the order printed. */
  @IsArray()
  @ArrayMaxSize(20_000)
  @ValidateNested({ each: true })
  @Type(() => RosterLine)
  lines: RosterLine[];
}

export class ListAccountingRecordsRequest {
  @IsOptional()
  @Matches(/^\d{2,12}$/, { message: '行政区划代码应为数字' })
  divisionCode?: string;

  @IsOptional()
  @Matches(MONTH_PATTERN, { message: '月份格式应为YYYY-MM' })
  period?: string;
}

export class GetAccountingRecordContentRequest {
  @IsUUID('4', { message: '档案记录编号格式不正确' })
  recordId: string;

  /** For a download: printed across every page of a PDF copy (see GetDocumentContentRequest). */
  @IsOptional()
  @IsString()
  @MaxLength(120)
  watermark?: string;
}

export interface AccountingRecordContentReply {
  record: AccountingRecordReply;
  contentBase64: string;
  /** True when the content is a watermarked copy. */
  watermarked: boolean;
}

export interface AccountingRecordReply {
  id: string;
  recordType: AccountingRecordType;
  divisionCode: string;
  period: string;
  title: string;
  mediaType: string;
  sha256: string;
  sizeBytes: number;
  workflowId: string;
  step: string;
  createdBy: string;
  filedAt: string;
}

export interface ListAccountingRecordsReply {
  items: AccountingRecordReply[];
}
