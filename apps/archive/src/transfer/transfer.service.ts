import { Injectable, Logger } from '@nestjs/common';
import { CreateRequestContext, EntityManager } from '@mikro-orm/postgresql';

import {
  type CreateTransferPackageRequest,
  ErrorCode,
  type ListTransferPackagesReply,
  PERMISSIONS,
  type TransferFileEntry,
  type TransferFilesPageReply,
  type TransferFilesPageRequest,
  type TransferPackageReply,
} from '@app/contracts';
import { fileGenesisHash } from '@app/domain';
import { assertPermission, assertVisible, DomainError, isSystemCaller, requireCaller } from '@app/platform';

import { TransferPackage } from './transfer-package.entity';
import { Document } from '../documents/document.entity';
import { chainedFields, supersedingItems, toDocumentReply } from '../documents/document.mapper';
import { ArchiveFile } from '../files/archive-file.entity';
import { toArchiveFileReply } from '../files/archive-files.service';

const PAGE = 50;

/**
 * Transfer packages (移交, DA/T 93): an archivist registers a package of one household file or a whole box;
 * its files and items (as of the registration) are then read a page at a time and written as a BagIt bag by
 * the gateway. The register keeps who packaged what, when and why.
 */
@Injectable()
export class TransferService {
  private readonly logger = new Logger(TransferService.name);

  constructor(private readonly em: EntityManager) {}

  @CreateRequestContext()
  async create(request: CreateTransferPackageRequest): Promise<TransferPackageReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.archiveManage);
    if ((request.householdId === undefined) === (request.boxCode === undefined)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'one scope', '请在户编号与档案盒中选择其一', [
        { field: 'householdId', messages: ['householdId 与 boxCode 须给出且只给出其一'] },
      ]);
    }
    if (request.householdId !== undefined && request.year !== undefined) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'year with a file', '按户移交时不能指定年度', [
        { field: 'year', messages: ['年度只用于按档案盒移交'] },
      ]);
    }
    const repeated = await this.em.findOne(TransferPackage, { idempotencyKey: request.idempotencyKey });
    if (repeated) {
      if (
        repeated.householdId !== (request.householdId ?? null) ||
        (request.boxCode !== undefined && repeated.divisionCode !== request.boxCode) ||
        repeated.year !== (request.year ?? null)
      ) {
        throw new DomainError(ErrorCode.IDEMPOTENCY_CONFLICT, 'key reused', '该幂等键已用于另一个移交包');
      }
      assertVisible(caller, repeated.divisionCode);
      return toReply(repeated);
    }
    let divisionCode: string;
    let fondsCode: string;
    if (request.householdId !== undefined) {
      const file = await this.em.findOne(ArchiveFile, { householdId: request.householdId });
      assertVisible(caller, file?.divisionCode);
      divisionCode = file!.divisionCode;
      fondsCode = file!.fondsCode;
    } else {
      assertVisible(caller, request.boxCode);
      divisionCode = request.boxCode!;
      fondsCode = divisionCode.slice(0, 6);
    }
    const snapshotAt = new Date();
    const [counts] = await this.em.execute<Array<{ files: string; items: string; bytes: string }>>(
      `select count(distinct f.id) as files, count(d.id) as items,
              coalesce(sum(d.size_bytes) filter (where f.disposed_at is null), 0) as bytes
         from archive.archive_file f left join archive.document d on d.file_id = f.id and d.filed_at <= ?
        where ${request.householdId !== undefined ? 'f.household_id = ?' : 'f.division_code = ?'}
          and (?::int is null or f.opened_year = ?::int) and f.created_at <= ?`,
      [snapshotAt, request.householdId ?? divisionCode, request.year ?? null, request.year ?? null, snapshotAt],
    );
    if (Number(counts.files) === 0) {
      throw new DomainError(
        ErrorCode.NOT_FOUND,
        'empty box',
        request.year ? `该档案盒${request.year}年度没有档案` : '该档案盒中没有档案',
      );
    }
    const transfer = this.em.create(TransferPackage, {
      idempotencyKey: request.idempotencyKey,
      scope: request.householdId !== undefined ? 'FILE' : 'BOX',
      divisionCode,
      fondsCode,
      householdId: request.householdId ?? null,
      year: request.year ?? null,
      fileCount: Number(counts.files),
      itemCount: Number(counts.items),
      contentBytes: Number(counts.bytes),
      purpose: request.purpose,
      createdBy: caller.username,
      snapshotAt,
    });
    await this.em.flush();
    await this.em.refresh(transfer);
    this.logger.log(
      { packageNo: packageNo(transfer), scope: transfer.scope, files: transfer.fileCount, by: caller.username },
      'transfer package registered',
    );
    return toReply(transfer);
  }

  @CreateRequestContext()
  async list(limit = 100): Promise<ListTransferPackagesReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.archiveManage);
    const rows = await this.em.find(
      TransferPackage,
      isSystemCaller(caller) ? {} : { divisionCode: { $like: `${caller.divisionCode}%` } },
      { orderBy: { registerNo: 'desc' }, limit },
    );
    return { items: rows.map(toReply) };
  }

  /** A page of the package's files, each with its items as of the registration, in file-id order. */
  @CreateRequestContext()
  async files(request: TransferFilesPageRequest): Promise<TransferFilesPageReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.archiveManage);
    const transfer = await this.em.findOne(TransferPackage, { id: request.packageId });
    assertVisible(caller, transfer?.divisionCode);
    const limit = request.limit ?? PAGE;
    const files = await this.em.find(
      ArchiveFile,
      {
        ...(transfer!.householdId
          ? { householdId: transfer!.householdId }
          : { divisionCode: transfer!.divisionCode, ...(transfer!.year ? { openedYear: transfer!.year } : {}) }),
        createdAt: { $lte: transfer!.snapshotAt },
        ...(request.after ? { id: { $gt: request.after } } : {}),
      },
      { orderBy: { id: 'asc' }, limit: limit + 1 },
    );
    const page = files.slice(0, limit);
    const items = await this.em.find(
      Document,
      { file: { $in: page }, filedAt: { $lte: transfer!.snapshotAt } },
      { orderBy: { file: { id: 'asc' }, itemNo: 'asc' } },
    );
    const supersededBy = await supersedingItems(
      this.em,
      items.map((item) => item.id),
    );
    return {
      package: toReply(transfer!),
      files: page.map((file) =>
        toEntry(
          file,
          items.filter((item) => item.file.id === file.id),
          supersededBy,
        ),
      ),
      next: files.length > limit ? page[page.length - 1].id : null,
    };
  }
}

function toEntry(file: ArchiveFile, items: Document[], supersededBy: ReadonlyMap<string, string>): TransferFileEntry {
  const itemNoById = new Map(items.map((item) => [item.id, item.itemNo]));
  const { items: _none, ...fileReply } = toArchiveFileReply(file, []);
  return {
    file: {
      ...fileReply,
      genesisHash: fileGenesisHash(file.referenceCode),
      retainUntil: file.retainUntil,
      disposedAt: file.disposedAt?.toISOString() ?? null,
    },
    items: items.map((item) => ({
      ...toDocumentReply(item, supersededBy),
      chainFields: chainedFields(item, file, item.supersedesId ? (itemNoById.get(item.supersedesId) ?? null) : null),
      contentIncluded: !file.disposedAt,
    })),
  };
}

function packageNo(transfer: TransferPackage): string {
  return `YJ-${transfer.fondsCode}-${String(transfer.registerNo).padStart(6, '0')}`;
}

function toReply(transfer: TransferPackage): TransferPackageReply {
  return {
    id: transfer.id,
    packageNo: packageNo(transfer),
    scope: transfer.scope,
    divisionCode: transfer.divisionCode,
    fondsCode: transfer.fondsCode,
    householdId: transfer.householdId,
    year: transfer.year,
    fileCount: transfer.fileCount,
    itemCount: transfer.itemCount,
    contentBytes: Number(transfer.contentBytes),
    purpose: transfer.purpose,
    createdBy: transfer.createdBy,
    createdAt: transfer.createdAt.toISOString(),
  };
}
