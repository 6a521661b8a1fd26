import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import type { DocumentReply } from './document.reply';
import { FromQueryBoolean } from '../common/query-boolean.transform';

export type {
  FixityCheckReply,
  FixityProblem,
  FixityProblemCode,
  FixityProperty,
  FixitySweepReply,
  ListFixityChecksReply,
} from './fixity.reply';

export class GetArchiveFileRequest {
  @IsUUID('4', { message: '户编号格式不正确' })
  householdId: string;
}

/** A household's archive file (一户一卷) with its items in filing order. */
export interface ArchiveFileReply {
  id: string;
  householdId: string;
  /** 档号 of the file, e.g. 220102-DB·2026-D5-220102001·001-0007 (stable for good). */
  referenceCode: string;
  /** 全宗号: the county civil-affairs bureau keeping the file. */
  fondsCode: string;
  year: number;
  /** The cabinet (street/township, 9 digits) and the box (community/village, 12 digits) the file sits in. */
  cabinetCode: string;
  boxCode: string;
  /** Division deciding who may see the file (its community). */
  divisionCode: string;
  itemCount: number;
  pageCount: number;
  /** Entry hash of the last item (the chain's head); the genesis hash when the file is empty. */
  headHash: string;
  openedAt: string;
  items: DocumentReply[];
}

export class VerifyArchiveFileRequest {
  @IsUUID('4', { message: '户编号格式不正确' })
  householdId: string;
}

/** Check every file in the caller's scope now (the scheduled sweep does the same). */
export class FixitySweepRequest {
  /** Check at most this many files (oldest check first); default all. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  limit?: number;
}

export class ListFixityChecksRequest {
  @IsOptional()
  @IsUUID('4', { message: '户编号格式不正确' })
  householdId?: string;

  /** Only checks that found problems (`?problemsOnly=true`). */
  @IsOptional()
  @FromQueryBoolean()
  @IsBoolean({ message: 'problemsOnly 只能是 true 或 false' })
  problemsOnly?: boolean;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
