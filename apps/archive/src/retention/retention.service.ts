import { Injectable, Logger } from '@nestjs/common';
import { CreateRequestContext, EntityManager, LockMode } from '@mikro-orm/postgresql';

import {
  type AppraisalListReply,
  type DecideDisposalRequest,
  type DisposalReply,
  ErrorCode,
  HOUSEHOLD_FILE_RETENTION_YEARS,
  type ListDisposalsReply,
  type ListDisposalsRequest,
  PERMISSIONS,
  type RecordRetentionEventRequest,
  SUBJECTS,
  type RetentionReply,
} from '@app/contracts';
import { beijingDate, extendRetention, lastDayToKeep } from '@app/domain';
import {
  assertAnyPermission,
  assertPermission,
  assertVisible,
  DomainError,
  isSystemCaller,
  MessagingClient,
  RemoteError,
  requireCaller,
  runAsCaller,
  SYSTEM_CALLER,
} from '@app/platform';

import { Disposal } from './disposal.entity';
import { holdsInForce, refuseIfHeld, toLegalHold } from './legal-holds.service';
import { RetentionEvent } from './retention-event.entity';
import { AccountingRecord } from '../accounting/accounting-record.entity';
import { toAccountingRecordReply } from '../accounting/accounting-records.service';
import { BlobStore } from '../blobs/blob-store';
import { ArchiveFile } from '../files/archive-file.entity';

/**
 * Retention (保管期限) and disposal (鉴定销毁): the clock starts when benefits end or the case closes without
 * them, stops when benefits resume; a file is due HOUSEHOLD_FILE_RETENTION_YEARS after. Nothing is disposed of
 * automatically: an archivist records a decision (destroy or extend) in the disposal register, and only then is
 * the content removed. The file, its code and its item list stay.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly blobs: BlobStore,
    private readonly messaging: MessagingClient,
  ) {}

  @CreateRequestContext()
  async record(request: RecordRetentionEventRequest): Promise<RetentionReply> {
    const caller = requireCaller();
    assertAnyPermission(caller, [PERMISSIONS.enrolmentChange, PERMISSIONS.archiveManage]);
    return this.em.transactional(async (em) => {
      const file = await em.findOne(
        ArchiveFile,
        { householdId: request.householdId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      assertVisible(caller, file?.divisionCode);
      if (await em.findOne(RetentionEvent, { idempotencyKey: request.idempotencyKey })) {
        return toRetention(file!);
      }
      em.create(RetentionEvent, {
        idempotencyKey: request.idempotencyKey,
        file: file!,
        event: request.event,
        occurredOn: request.occurredOn,
        basis: request.basis,
        recordedBy: caller.username,
      });
      file!.retainUntil =
        request.event === 'BENEFIT_RESUMED' ? null : lastDayToKeep(request.occurredOn, HOUSEHOLD_FILE_RETENTION_YEARS);
      return toRetention(file!);
    });
  }

  /** Files in the caller's division due by `asOf` and not disposed of, the longest overdue first. */
  @CreateRequestContext()
  async appraisal(asOf = beijingDate(new Date())): Promise<AppraisalListReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.archiveManage);
    const files = await this.em.find(
      ArchiveFile,
      {
        retainUntil: { $lt: asOf },
        disposedAt: null,
        ...(isSystemCaller(caller) ? {} : { divisionCode: { $like: `${caller.divisionCode}%` } }),
      },
      { orderBy: { retainUntil: 'asc' }, limit: 1000 },
    );
    const records = await this.em.find(
      AccountingRecord,
      {
        retainUntil: { $lt: asOf },
        ...(isSystemCaller(caller) ? {} : { divisionCode: { $like: `${caller.divisionCode}%` } }),
      },
      { orderBy: { retainUntil: 'asc' }, limit: 1000 },
    );
    const holds = await holdsInForce(this.em, {
      files: files.map((file) => file.id),
      records: records.map((record) => record.id),
    });
    return {
      asOf,
      records: records.map((record) => ({
        ...toAccountingRecordReply(record),
        holds: holds.filter((hold) => hold.record?.id === record.id).map(toLegalHold),
      })),
      items: files.map((file) => ({
        ...toRetention(file),
        divisionCode: file.divisionCode,
        itemCount: file.itemCount,
        pageCount: file.pageCount,
        holds: holds.filter((hold) => hold.file?.id === file.id).map(toLegalHold),
      })),
    };
  }

  @CreateRequestContext()
  async decide(request: DecideDisposalRequest): Promise<DisposalReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.archiveManage);
    if ((request.householdId === undefined) === (request.recordId === undefined)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'one subject', '请在户档案与档案记录中选择其一', [
        { field: 'householdId', messages: ['householdId 与 recordId 须给出且只给出其一'] },
      ]);
    }
    if (request.recordId !== undefined) {
      return this.decideRecord(request, request.recordId);
    }
    const householdId = request.householdId!;
    const today = beijingDate(new Date());
    if (request.decision === 'DESTROY') {
      await this.assertBenefitsEnded(householdId);
    }
    const { disposal, destroyed } = await this.em.transactional(async (em) => {
      const file = await em.findOne(ArchiveFile, { householdId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      assertVisible(caller, file?.divisionCode);
      const repeated = await em.findOne(Disposal, { idempotencyKey: request.idempotencyKey });
      if (repeated) {
        return { disposal: repeated, destroyed: [] as string[] };
      }
      if (file!.disposedAt) {
        throw new DomainError(ErrorCode.CONFLICT, 'already destroyed', '该档案已销毁');
      }
      if (request.decision === 'DESTROY') {
        // Under the file's lock, as a hold is placed: a hold placed before this decision is seen.
        await refuseIfHeld(em, { files: [file!.id] }, '该档案');
      }
      if (!file!.retainUntil || file!.retainUntil >= today) {
        const why = file!.retainUntil
          ? `保管期至${file!.retainUntil}，尚未到期`
          : '该户仍在保障期内或案件未结，保管期尚未起算';
        throw new DomainError(ErrorCode.CONFLICT, 'retention not over', `不能处置：${why}`);
      }
      const created = em.create(Disposal, {
        idempotencyKey: request.idempotencyKey,
        file: file!,
        decision: request.decision,
        basis: request.basis,
        extendYears: request.decision === 'EXTEND' ? (request.extendYears ?? null) : null,
        itemCount: file!.itemCount,
        decidedBy: caller.username,
        decidedAt: new Date(),
      });
      let hashes: string[] = [];
      if (request.decision === 'EXTEND') {
        file!.retainUntil = extendRetention(file!.retainUntil, request.extendYears ?? 1);
      } else {
        file!.disposedAt = new Date();
        // Content shared with an item that is kept (same bytes, another file) stays.
        const rows = await em.execute<Array<{ sha256: string }>>(
          `select distinct d.sha256 from archive.document d
            where d.file_id = ?
              and not exists (select 1 from archive.document o join archive.archive_file f on f.id = o.file_id
                               where o.sha256 = d.sha256 and o.file_id <> d.file_id and f.disposed_at is null)`,
          [file!.id],
        );
        hashes = rows.map((row) => row.sha256);
      }
      return { disposal: created, destroyed: hashes };
    });
    // Bytes go once the decision is committed; a crash in between leaves bytes to remove, never a lost record.
    for (const sha256 of destroyed) {
      await this.blobs.destroy(sha256);
    }
    await this.em.refresh(disposal);
    this.logger.log(
      { registerNo: disposal.registerNo, decision: disposal.decision, file: disposal.file?.referenceCode },
      'disposal recorded',
    );
    return toDisposal(disposal);
  }

  /** A decision on a roster or statistics report that is due (permanent ones never are). */
  private async decideRecord(request: DecideDisposalRequest, recordId: string): Promise<DisposalReply> {
    const caller = requireCaller();
    const today = beijingDate(new Date());
    const { disposal, destroyed } = await this.em.transactional(async (em) => {
      const record = await em.findOne(AccountingRecord, { id: recordId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      assertVisible(caller, record?.divisionCode);
      const repeated = await em.findOne(Disposal, { idempotencyKey: request.idempotencyKey });
      if (repeated) {
        return { disposal: repeated, destroyed: undefined };
      }
      if (record!.disposedAt) {
        throw new DomainError(ErrorCode.CONFLICT, 'already destroyed', '该档案记录已销毁');
      }
      if (!record!.retainUntil || record!.retainUntil >= today) {
        const why = record!.retainUntil ? `保管期至${record!.retainUntil}，尚未到期` : '该档案记录永久保管';
        throw new DomainError(ErrorCode.CONFLICT, 'retention not over', `不能处置：${why}`);
      }
      if (request.decision === 'DESTROY') {
        await refuseIfHeld(em, { records: [record!.id] }, '该档案记录');
      }
      const created = em.create(Disposal, {
        idempotencyKey: request.idempotencyKey,
        file: null,
        record: record!,
        decision: request.decision,
        basis: request.basis,
        extendYears: request.decision === 'EXTEND' ? (request.extendYears ?? null) : null,
        itemCount: 1,
        decidedBy: caller.username,
        decidedAt: new Date(),
      });
      if (request.decision === 'EXTEND') {
        record!.retainUntil = extendRetention(record!.retainUntil, request.extendYears ?? 1);
        return { disposal: created, destroyed: undefined };
      }
      record!.disposedAt = new Date();
      // Bytes shared with a kept record or item (the same content filed twice) stay.
      const [shared] = await em.execute<Array<{ n: number }>>(
        `select (select count(*) from archive.accounting_record where sha256 = ? and disposed_at is null and id <> ?)
              + (select count(*) from archive.document where sha256 = ?) as n`,
        [record!.sha256, record!.id, record!.sha256],
      );
      return { disposal: created, destroyed: Number(shared.n) === 0 ? record!.sha256 : undefined };
    });
    if (destroyed) {
      await this.blobs.destroy(destroyed);
    }
    await this.em.refresh(disposal);
    this.logger.log(
      { registerNo: disposal.registerNo, decision: disposal.decision, record: recordId },
      'disposal of a record recorded',
    );
    return toDisposal(disposal);
  }

  /** Asks the payment service, as the system: a household still enrolled (or not known for sure) is kept. */
  private async assertBenefitsEnded(householdId: string): Promise<void> {
    try {
      const enrolment = await runAsCaller(SYSTEM_CALLER, () =>
        this.messaging.request(SUBJECTS.payment.enrolmentGet, { householdId }),
      );
      if (enrolment.status !== 'TERMINATED') {
        throw new DomainError(ErrorCode.CONFLICT, 'benefits still run', '该户仍在保障中，档案不能销毁');
      }
    } catch (error) {
      if (error instanceof RemoteError && error.code === ErrorCode.NOT_FOUND) {
        return; // never enrolled
      }
      if (error instanceof DomainError) {
        throw error;
      }
      throw new DomainError(
        ErrorCode.UNAVAILABLE,
        'payment unreachable',
        '暂时无法确认该户的待遇状态，不能销毁，请稍后再试',
      );
    }
  }

  @CreateRequestContext()
  async list(request: ListDisposalsRequest): Promise<ListDisposalsReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.archiveManage);
    const rows = await this.em.find(
      Disposal,
      {
        ...(request.decision ? { decision: request.decision } : {}),
        ...(isSystemCaller(caller)
          ? {}
          : {
              $or: [
                { file: { divisionCode: { $like: `${caller.divisionCode}%` } } },
                { record: { divisionCode: { $like: `${caller.divisionCode}%` } } },
              ],
            }),
      },
      { orderBy: { registerNo: 'desc' }, limit: 500, populate: ['file', 'record'] },
    );
    return { items: rows.map(toDisposal) };
  }
}

function toRetention(file: ArchiveFile): RetentionReply {
  return {
    householdId: file.householdId,
    referenceCode: file.referenceCode,
    retainUntil: file.retainUntil,
    disposedAt: file.disposedAt?.toISOString() ?? null,
  };
}

function toDisposal(disposal: Disposal): DisposalReply {
  return {
    id: disposal.id,
    registerNo: disposal.registerNo,
    householdId: disposal.file?.householdId ?? null,
    recordId: disposal.record?.id ?? null,
    referenceCode: disposal.file?.referenceCode ?? `${disposal.record!.title}（${disposal.record!.divisionCode}）`,
    decision: disposal.decision,
    basis: disposal.basis,
    extendYears: disposal.extendYears,
    itemCount: disposal.itemCount,
    decidedBy: disposal.decidedBy,
    decidedAt: disposal.decidedAt.toISOString(),
  };
}
