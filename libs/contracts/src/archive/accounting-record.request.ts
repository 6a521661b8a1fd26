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
  ValidateBy,
  type ValidationArguments,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { MONTH_PATTERN, RECORD_PERIOD_PATTERNS, type RecordType } from '@app/domain';

import { IsCommunityCode } from '../common/division-code.validator';
import { LINE_STATUSES, type LineStatus } from '../payment/payroll.request';

/**
 * Records kept apart from household files (2008 notice): payment rosters go to the accounting records, the
 * statistics reports to the administrative records. Retention per type: RECORD_RETENTION in @app/domain.
 */
export const ACCOUNTING_RECORD_TYPES = [
  'PAYMENT_ROSTER', // 最低生活保障金发放花名册 (a community, a month)
  'STATISTICS_MONTHLY', // 统计月报 (a county, a month)
  'STATISTICS_QUARTERLY', // 统计季报 (a county, a quarter)
  'STATISTICS_ANNUAL', // 统计年报 (a county, a year)
] as const satisfies readonly RecordType[];
export type AccountingRecordType = (typeof ACCOUNTING_RECORD_TYPES)[number];

const isRoster = (request: FileAccountingRecordRequest) => request.recordType === 'PAYMENT_ROSTER';

/** A string matching the pattern for the request's record type (OTHER: every type not named). */
function FitsRecordType(
  patterns: Partial<Record<AccountingRecordType | 'OTHER', RegExp>>,
  messages: Partial<Record<AccountingRecordType | 'OTHER', string>>,
): PropertyDecorator {
  const pick = <T>(table: Partial<Record<string, T>>, args: ValidationArguments) =>
    table[(args.object as FileAccountingRecordRequest).recordType] ?? table.OTHER;
  return ValidateBy({
    name: 'fitsRecordType',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        typeof value === 'string' && pick(patterns, args!)?.test(value) === true,
      defaultMessage: (args?: ValidationArguments) => pick(messages, args!) ?? '格式不正确',
    },
  });
}

/** One community's line in a statistics report: what was paid for the period. */
export class StatisticsRow {
  @IsCommunityCode()
  divisionCode: string;

  /** Households paid at least once in the period. */
  @IsInt()
  @Min(0)
  households: number;

  /** Monthly payments made (a household paid three months of a quarter counts three). */
  @IsInt()
  @Min(0)
  payments: number;

  @IsInt()
  @Min(0)
  paidFen: number;

  @IsInt()
  @Min(0)
  failedFen: number;
}

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

  @IsIn(LINE_STATUSES)
  status: LineStatus;

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

  /** The community a roster is for; the county (6 digits) a statistics report is for. */
  @FitsRecordType(
    { PAYMENT_ROSTER: /^\d{12}$/, OTHER: /^\d{6}$/ },
    {
      PAYMENT_ROSTER: '花名册应按社区（村）报送（12位行政区划代码）',
      OTHER: '统计报表应按县级行政区划报送（6位代码）',
    },
  )
  divisionCode: string;

  /** YYYY-MM for a roster and a monthly report, YYYY-Qn for a quarterly one, YYYY for an annual one. */
  @FitsRecordType(RECORD_PERIOD_PATTERNS, {
    PAYMENT_ROSTER: '月份格式应为YYYY-MM',
    STATISTICS_MONTHLY: '月份格式应为YYYY-MM',
    STATISTICS_QUARTERLY: '季度格式应为YYYY-Qn（n为1至4）',
    STATISTICS_ANNUAL: '年度格式应为YYYY',
  })
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
  @ValidateIf(isRoster)
  @IsArray()
  @ArrayMaxSize(20_000)
  @ValidateNested({ each: true })
  @Type(() => RosterLine)
  lines?: RosterLine[];

  /** A statistics report's rows, one per community of the county. */
  @ValidateIf((request: FileAccountingRecordRequest) => !isRoster(request))
  @IsArray()
  @ArrayMaxSize(5_000)
  @ValidateNested({ each: true })
  @Type(() => StatisticsRow)
  rows?: StatisticsRow[];
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
  /** ACCOUNTING (会计档案) or ADMINISTRATIVE (文书档案). */
  category: 'ACCOUNTING' | 'ADMINISTRATIVE';
  /** 保管期限: D30, D5 or Y (permanent). */
  retentionCode: string;
  /** The last day to keep it; null when kept permanently. */
  retainUntil: string | null;
}

export interface ListAccountingRecordsReply {
  items: AccountingRecordReply[];
}
