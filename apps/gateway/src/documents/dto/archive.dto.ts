import { OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

import {
  ArchiveStatisticsRequest,
  DecideBorrowRequest,
  DecideDisposalRequest,
  LiftLegalHoldRequest,
  PlaceLegalHoldRequest,
  RecordRetentionEventRequest,
  RequestBorrowRequest,
} from '@app/contracts';

/** The body of a borrowing request; the key comes in the Idempotency-Key header. */
export class BorrowRequestDto extends OmitType(RequestBorrowRequest, ['idempotencyKey'] as const) {}

/** The body of a decision; the request comes in the path. */
export class BorrowDecisionDto extends OmitType(DecideBorrowRequest, ['requestId'] as const) {}

/** Archive statistics as JSON (default) or as a CSV for a spreadsheet. */
export class ArchiveStatisticsQueryDto extends ArchiveStatisticsRequest {
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format 只能是 json 或 csv' })
  format?: 'json' | 'csv';
}

/** A retention event for the file in the path; the key comes in the Idempotency-Key header. */
export class RetentionEventDto extends OmitType(RecordRetentionEventRequest, [
  'idempotencyKey',
  'householdId',
] as const) {}

/** A disposal decision for the file in the path; the key comes in the Idempotency-Key header. */
export class DisposalDto extends OmitType(DecideDisposalRequest, [
  'idempotencyKey',
  'householdId',
  'recordId',
] as const) {}

/** POST /archive/files/:householdId/holds, /accounting-records/:id/holds: what is held from the path, the key from the header. */
export class LegalHoldDto extends OmitType(PlaceLegalHoldRequest, [
  'idempotencyKey',
  'householdId',
  'recordId',
] as const) {}

/** POST /archive/holds/:id/lift: the hold from the path. */
export class LiftLegalHoldDto extends OmitType(LiftLegalHoldRequest, ['holdId'] as const) {}
