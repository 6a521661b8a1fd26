import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/** The longest a loan (查借阅) may run, in days. */
export const MAX_BORROW_DAYS = 30;

export const BORROW_STATUSES = ['PENDING', 'APPROVED', 'REFUSED'] as const;
export type BorrowStatus = (typeof BORROW_STATUSES)[number];

/** Staff outside the owning division ask to see a household file, for a purpose and a number of days. */
export class RequestBorrowRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  idempotencyKey: string;

  @IsUUID('4', { message: '家庭编号格式不正确' })
  householdId: string;

  @IsString()
  @IsNotEmpty({ message: '请说明查借阅目的' })
  @MaxLength(200)
  purpose: string;

  @Type(() => Number)
  @IsInt({ message: '借阅天数须为整数' })
  @Min(1, { message: '借阅天数至少1天' })
  @Max(MAX_BORROW_DAYS, { message: `借阅天数最多${MAX_BORROW_DAYS}天` })
  days: number;
}

/** An archivist of the owning division approves (for the days asked) or refuses, with a note. */
export class DecideBorrowRequest {
  @IsUUID('4', { message: '借阅申请编号格式不正确' })
  requestId: string;

  @IsBoolean({ message: 'approve 只能是 true 或 false' })
  approve: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  note?: string;
}

export class ListBorrowRequestsRequest {
  @IsOptional()
  @IsIn(BORROW_STATUSES)
  status?: BorrowStatus;
}

export interface BorrowReply {
  id: string;
  householdId: string;
  fileReferenceCode: string;
  /** The file's division (who decides: an archivist there or above). */
  divisionCode: string;
  requestedBy: string;
  requesterDivision: string;
  purpose: string;
  days: number;
  status: BorrowStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  /** Until when an approved loan lets the requester read the file and its items. */
  expiresAt: string | null;
  createdAt: string;
}

export interface ListBorrowRequestsReply {
  items: BorrowReply[];
}
