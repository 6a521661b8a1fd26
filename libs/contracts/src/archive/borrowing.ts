import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

import { BORROW_STATUSES, type BorrowStatus, MAX_BORROW_DAYS } from './borrowing.reply';

export {
  BORROW_STATUSES,
  BORROW_STATUS_LABELS,
  type BorrowReply,
  type BorrowStatus,
  type ListBorrowRequestsReply,
  MAX_BORROW_DAYS,
} from './borrowing.reply';

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
