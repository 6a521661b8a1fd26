import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

import type { AccountingRecordReply } from './accounting-record.request';
import { IsCalendarDate } from '../common/identity.validators';
import { FromQueryBoolean } from '../common/query-boolean.transform';

/** Jilin: household files are kept while benefits run and 5 years after they end (domain §4.2 Art. 13). */
export const HOUSEHOLD_FILE_RETENTION_YEARS = 5;

/**
 * What starts or stops a household file's retention clock: benefits ended (the clock starts), resumed (it
 * stops), or the case closed without benefits (refused, withdrawn: it starts).
 */
export const RETENTION_EVENTS = ['BENEFIT_ENDED', 'BENEFIT_RESUMED', 'CASE_CLOSED'] as const;
export type RetentionEvent = (typeof RETENTION_EVENTS)[number];

export class RecordRetentionEventRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  idempotencyKey: string;

  @IsUUID('4', { message: '家庭编号格式不正确' })
  householdId: string;

  @IsIn(RETENTION_EVENTS, { message: '事件只能是BENEFIT_ENDED、BENEFIT_RESUMED或CASE_CLOSED' })
  event: RetentionEvent;

  /** The day it happened (for an ended benefit: the first day after the last month paid). */
  @IsCalendarDate()
  occurredOn: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  basis: string;
}

export interface RetentionReply {
  householdId: string;
  referenceCode: string;
  /** The last day the file must be kept; null while benefits run or the case is open. */
  retainUntil: string | null;
  disposedAt: string | null;
}

/** The appraisal list (鉴定): files whose retention ran out by `asOf` (default today), not yet disposed of. */
export class AppraisalListRequest {
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export interface AppraisalListReply {
  asOf: string;
  /** `holds`: the file's holds in force; a held file is listed (it is due) but cannot be destroyed. */
  items: Array<
    RetentionReply & { divisionCode: string; itemCount: number; pageCount: number; holds: LegalHoldReply[] }
  >;
  /** Rosters and statistics reports whose fixed period ran out by `asOf` (permanent ones never appear), with holds. */
  records: Array<AccountingRecordReply & { holds: LegalHoldReply[] }>;
}

export const DISPOSAL_DECISIONS = ['DESTROY', 'EXTEND'] as const;
export type DisposalDecision = (typeof DISPOSAL_DECISIONS)[number];

/**
 * An authorised archivist's recorded decision on a household file (householdId) or a roster or statistics
 * report (recordId) that is due: destroy it, or keep it longer.
 */
export class DecideDisposalRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  idempotencyKey: string;

  @ValidateIf((request: DecideDisposalRequest) => request.recordId === undefined)
  @IsUUID('4', { message: '家庭编号格式不正确（householdId 与 recordId 须给出其一）' })
  householdId?: string;

  @ValidateIf((request: DecideDisposalRequest) => request.householdId === undefined)
  @IsUUID('4', { message: '档案记录编号格式不正确' })
  recordId?: string;

  @IsIn(DISPOSAL_DECISIONS, { message: '处置决定只能是DESTROY（销毁）或EXTEND（延长保管）' })
  decision: DisposalDecision;

  /** The appraisal meeting or approval document the decision rests on. */
  @IsString()
  @IsNotEmpty({ message: '请填写处置依据（鉴定意见或批准文号）' })
  @MaxLength(300)
  basis: string;

  @ValidateIf((request: DecideDisposalRequest) => request.decision === 'EXTEND')
  @IsInt({ message: '延长年限须为整数' })
  @Min(1)
  @Max(30)
  extendYears?: number;
}

/** One entry of the destruction register (销毁清册) or of the extensions. Never changed. */
export interface DisposalReply {
  id: string;
  registerNo: number;
  /** The household file decided on, or null for a record. */
  householdId: string | null;
  /** The record (roster, statistics report) decided on, or null for a file. */
  recordId: string | null;
  /** The file's 档号, or the record's title and period. */
  referenceCode: string;
  decision: DisposalDecision;
  basis: string;
  extendYears: number | null;
  itemCount: number;
  decidedBy: string;
  decidedAt: string;
}

export class ListDisposalsRequest {
  @IsOptional()
  @IsIn(DISPOSAL_DECISIONS)
  decision?: DisposalDecision;
}

export interface ListDisposalsReply {
  items: DisposalReply[];
}

/**
 * Why a household file must not be destroyed, whatever its retention says (保全): an administrative review or
 * lawsuit over the benefit (行政复议, 行政诉讼), an audit, or a supervisory investigation still open.
 */
export const LEGAL_HOLD_KINDS = ['APPEAL', 'LITIGATION', 'AUDIT', 'INVESTIGATION'] as const;
export type LegalHoldKind = (typeof LEGAL_HOLD_KINDS)[number];
export const LEGAL_HOLD_LABELS: Record<LegalHoldKind, string> = {
  APPEAL: '行政复议',
  LITIGATION: '行政诉讼',
  AUDIT: '审计',
  INVESTIGATION: '监督检查',
};

/**
 * An archivist holds a household file (householdId) or a roster or statistics report (recordId): it cannot be
 * destroyed until the hold is lifted.
 */
export class PlaceLegalHoldRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  idempotencyKey: string;

  @ValidateIf((request: PlaceLegalHoldRequest) => request.recordId === undefined)
  @IsUUID('4', { message: '家庭编号格式不正确（householdId 与 recordId 须给出其一）' })
  householdId?: string;

  @ValidateIf((request: PlaceLegalHoldRequest) => request.householdId === undefined)
  @IsUUID('4', { message: '档案记录编号格式不正确' })
  recordId?: string;

  @IsIn(LEGAL_HOLD_KINDS, { message: '保全类型只能是APPEAL、LITIGATION、AUDIT或INVESTIGATION' })
  kind: LegalHoldKind;

  /** The case it is for: the review or court case number, the audit notice. */
  @IsString()
  @IsNotEmpty({ message: '请填写保全依据（复议、诉讼案号或审计、检查通知文号）' })
  @MaxLength(300)
  basis: string;
}

/** The hold is over (the case decided, the audit closed), on a stated basis. Lifting it again changes nothing. */
export class LiftLegalHoldRequest {
  @IsUUID('4', { message: '保全编号格式不正确' })
  holdId: string;

  @IsString()
  @IsNotEmpty({ message: '请填写解除依据（复议决定、判决或审计结论文号）' })
  @MaxLength(300)
  basis: string;
}

export class ListLegalHoldsRequest {
  @IsOptional()
  @IsUUID('4', { message: '家庭编号格式不正确' })
  householdId?: string;

  @IsOptional()
  @IsUUID('4', { message: '档案记录编号格式不正确' })
  recordId?: string;

  /** true: in force only (the default); false: every hold, lifted ones too. */
  @IsOptional()
  @FromQueryBoolean()
  @IsBoolean({ message: 'active 只能是true或false' })
  active?: boolean;
}

export interface LegalHoldReply {
  id: string;
  /** The household file held, or null for a record. */
  householdId: string | null;
  /** The record (roster, statistics report) held, or null for a file. */
  recordId: string | null;
  /** The file's 档号, or the record's title and division. */
  referenceCode: string;
  kind: LegalHoldKind;
  basis: string;
  placedBy: string;
  placedAt: string;
  /** Null while the hold is in force. */
  liftedBy: string | null;
  liftedAt: string | null;
  liftBasis: string | null;
}

export interface ListLegalHoldsReply {
  items: LegalHoldReply[];
}
