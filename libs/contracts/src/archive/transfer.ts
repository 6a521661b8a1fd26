import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';

import type { ChainedItem } from '@app/domain';

import type { ArchiveFileReply } from './archive-file';
import { IsCommunityCode } from '../common/division-code.validator';

/**
 * A transfer package (移交包, DA/T 93) of one household file or a whole box (a community's files, optionally
 * of one year): recorded in the transfer register, then downloaded as a BagIt bag.
 */
export class CreateTransferPackageRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  idempotencyKey: string;

  /** One household's file … */
  @ValidateIf((request: CreateTransferPackageRequest) => request.boxCode === undefined)
  @IsUUID('4', { message: '户编号格式不正确（householdId 与 boxCode 须给出其一）' })
  householdId?: string;

  /** … or the box of a community (12-digit division code). */
  @ValidateIf((request: CreateTransferPackageRequest) => request.householdId === undefined)
  @IsCommunityCode()
  boxCode?: string;

  /** With a box: only the files opened in this year. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '年度应为整数' })
  @Min(2000, { message: '年度不能早于2000年' })
  @Max(2100, { message: '年度不能晚于2100年' })
  year?: number;

  /** Why the package is made (e.g. 移交县档案馆), kept in the register and in bag-info.txt. */
  @IsString({ message: '请填写移交事由' })
  @IsNotEmpty({ message: '请填写移交事由' })
  @MaxLength(200, { message: '移交事由不能超过200字' })
  purpose: string;
}

/** An entry of the transfer register (移交登记). */
export interface TransferPackageReply {
  id: string;
  /** Register number, e.g. YJ-220102-2026-0003; the bag's External-Identifier. */
  packageNo: string;
  scope: 'FILE' | 'BOX';
  /** The box (community) or the household file's division. */
  divisionCode: string;
  fondsCode: string;
  householdId: string | null;
  year: number | null;
  fileCount: number;
  itemCount: number;
  /** Bytes of archived content the package carries (destroyed files carry metadata only). */
  contentBytes: number;
  purpose: string;
  createdBy: string;
  createdAt: string;
}

export class ListTransferPackagesRequest {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export interface ListTransferPackagesReply {
  items: TransferPackageReply[];
}

/** The files of a package, a page at a time (a box can hold thousands). */
export class TransferFilesPageRequest {
  @IsUUID('4', { message: '移交包编号格式不正确' })
  packageId: string;

  /** The last file id of the previous page. */
  @IsOptional()
  @IsUUID('4')
  after?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** One file as it goes into the bag: its metadata and the items whose content it carries. */
export interface TransferFileEntry {
  file: Omit<ArchiveFileReply, 'items'> & {
    /** The chain's starting hash: sha256("dibao-archive-file/v1\n" + file code). */
    genesisHash: string;
    retainUntil: string | null;
    disposedAt: string | null;
  };
  /** Items as filed (up to the package's time), with the fields each chain entry covers. */
  items: Array<ArchiveFileReply['items'][number] & { chainFields: ChainedItem; contentIncluded: boolean }>;
}

export interface TransferFilesPageReply {
  package: TransferPackageReply;
  files: TransferFileEntry[];
  /** Pass as `after` for the next page; null after the last. */
  next: string | null;
}
