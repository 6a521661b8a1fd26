import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';

import {
  type AccountingRecordContentReply,
  type AccountingRecordReply,
  type FileAccountingRecordRequest,
  type ListAccountingRecordsReply,
  type ListAccountingRecordsRequest,
  PERMISSIONS,
} from '@app/contracts';
import {
  canonicalJson,
  RECORD_RETENTION,
  recordPeriodLabel,
  recordPeriodStart,
  recordRetainUntil,
  sha256Hex,
} from '@app/domain';
import { AccessError, assertPermission, assertVisible, isSystemCaller, requireCaller } from '@app/platform';

import { AccountingRecord } from './accounting-record.entity';
import { BlobStore } from '../blobs/blob-store';
import { DocumentError } from '../documents/document.errors';
import { renderPaymentRoster, rosterTitle } from '../rendering/payment-roster.template';
import { renderStatisticsReport, statisticsTitle } from '../rendering/statistics-report.template';
import { downloadCopy } from '../rendering/watermark';

export function toAccountingRecordReply(record: AccountingRecord): AccountingRecordReply {
  return {
    id: record.id,
    recordType: record.recordType,
    divisionCode: record.divisionCode,
    period: recordPeriodLabel(record.recordType, record.period),
    title: record.title,
    mediaType: record.mediaType,
    sha256: record.sha256,
    sizeBytes: Number(record.sizeBytes),
    workflowId: record.workflowId,
    step: record.step,
    createdBy: record.createdBy,
    filedAt: record.filedAt.toISOString(),
    category: record.category,
    retentionCode: record.retentionCode,
    retainUntil: record.retainUntil,
  };
}

/** Records kept apart from household files: payment rosters (会计档案) and statistics reports (文书档案). */
@Injectable()
export class AccountingRecordsService {
  private readonly logger = new Logger(AccountingRecordsService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly blobs: BlobStore,
  ) {}

  /** Renders and files a record once per key (system only: the payroll workflow files at the cycle's close). */
  async file(request: FileAccountingRecordRequest): Promise<AccountingRecordReply> {
    if (!isSystemCaller(requireCaller())) {
      throw AccessError.wrongRole(PERMISSIONS.documentRead);
    }
    // What the record says, not who filed it: a re-run of the payroll with the same roster finds its record.
    const { recordType, divisionCode, period, lines, rows } = request;
    const requestHash = sha256Hex(
      canonicalJson(
        recordType === 'PAYMENT_ROSTER'
          ? { recordType, divisionCode, period, lines }
          : { recordType, divisionCode, period, rows },
      ),
    );
    const existing = await this.findByKey(request.idempotencyKey, requestHash);
    if (existing) {
      return existing;
    }
    const filedAt = new Date();
    const roster = recordType === 'PAYMENT_ROSTER';
    const content = roster
      ? await renderPaymentRoster(request, filedAt)
      : await renderStatisticsReport(request, filedAt);
    const contentHash = sha256Hex(content);
    // Bytes first, metadata second: a crash in between leaves an unreferenced blob, never a dangling record.
    await this.blobs.put(contentHash, content);
    const em = this.em.fork();
    try {
      const record = em.create(AccountingRecord, {
        recordType: request.recordType,
        divisionCode: request.divisionCode,
        period: recordPeriodStart(request.period),
        title: roster ? rosterTitle(request) : statisticsTitle(recordType, request.period),
        mediaType: 'application/pdf',
        sha256: contentHash,
        sizeBytes: content.length,
        workflowId: request.workflowId,
        step: request.step,
        createdBy: request.createdBy,
        idempotencyKey: request.idempotencyKey,
        requestHash,
        filedAt,
        category: RECORD_RETENTION[recordType].category,
        retentionCode: RECORD_RETENTION[recordType].code,
        retainUntil: recordRetainUntil(recordType, request.period),
      });
      await em.flush();
      this.logger.log(
        { recordId: record.id, recordType, divisionCode: request.divisionCode, period: request.period },
        'record filed',
      );
      return toAccountingRecordReply(record);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        const winner = await this.findByKey(request.idempotencyKey, requestHash);
        if (winner) {
          return winner;
        }
      }
      throw error;
    }
  }

  /** Records in the caller's division (optionally one community or one period), newest first. */
  async list(request: ListAccountingRecordsRequest): Promise<ListAccountingRecordsReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.documentRead);
    const prefix = request.divisionCode ?? (isSystemCaller(caller) ? '' : caller.divisionCode);
    if (!isSystemCaller(caller) && !prefix.startsWith(caller.divisionCode)) {
      throw AccessError.outOfDivision(prefix);
    }
    const records = await this.em.fork().find(
      AccountingRecord,
      {
        divisionCode: { $like: `${prefix}%` },
        ...(request.period ? { period: `${request.period}-01` } : {}),
      },
      { orderBy: { filedAt: 'desc' }, limit: 500 },
    );
    return { items: records.map(toAccountingRecordReply) };
  }

  /** A record's bytes, for staff in its division (the gateway logs the download with its purpose). */
  async content(recordId: string, watermark?: string): Promise<AccountingRecordContentReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.documentRead);
    const record = await this.em.fork().findOne(AccountingRecord, { id: recordId });
    assertVisible(caller, record?.divisionCode);
    if (record!.disposedAt) {
      throw DocumentError.destroyed(record!.title);
    }
    const bytes = await this.blobs.get(record!.sha256);
    if (!bytes) {
      throw DocumentError.blobMissing(record!.sha256);
    }
    const copy = await downloadCopy(bytes, record!.mediaType, watermark);
    return {
      record: toAccountingRecordReply(record!),
      contentBase64: copy.content.toString('base64'),
      watermarked: copy.watermarked,
    };
  }

  private async findByKey(idempotencyKey: string, requestHash: string): Promise<AccountingRecordReply | undefined> {
    const existing = await this.em.fork().findOne(AccountingRecord, { idempotencyKey });
    if (!existing) {
      return undefined;
    }
    if (existing.requestHash !== requestHash) {
      throw DocumentError.keyReused(idempotencyKey);
    }
    return toAccountingRecordReply(existing);
  }
}
