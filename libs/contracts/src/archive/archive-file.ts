import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import type { DocumentReply } from './document.reply';
import { FromQueryBoolean } from '../common/query-boolean.transform';

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

/** The four properties of DA/T 70 a problem belongs to. */
export type FixityProperty = 'AUTHENTICITY' | 'INTEGRITY' | 'USABILITY' | 'SECURITY';

export type FixityProblemCode =
  | 'CONTENT_CHANGED' // the bytes no longer hash to the item's sha256
  | 'CONTENT_MISSING' // no bytes under the item's sha256
  | 'METADATA_CHANGED' // the item's row does not follow from the hash chain
  | 'HEAD_MISMATCH' // the file's head hash is not the chain's last entry
  | 'ITEM_NUMBER_GAP' // item numbers are not 1..n without gaps
  | 'CONTENT_UNREADABLE'; // the content does not open as its media type

export interface FixityProblem {
  property: FixityProperty;
  code: FixityProblemCode;
  itemNo: number | null;
  /** What is wrong, in Chinese, for the archivist. */
  message: string;
}

export interface FixityCheckReply {
  id: string;
  fileId: string;
  householdId: string;
  referenceCode: string;
  divisionCode: string;
  checkedAt: string;
  trigger: 'ON_DEMAND' | 'SWEEP';
  checkedBy: string;
  itemsChecked: number;
  ok: boolean;
  problems: FixityProblem[];
  sweepId: string | null;
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

export interface FixitySweepReply {
  sweepId: string;
  startedAt: string;
  finishedAt: string;
  filesChecked: number;
  filesWithProblems: number;
  itemsChecked: number;
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

export interface ListFixityChecksReply {
  items: FixityCheckReply[];
}
