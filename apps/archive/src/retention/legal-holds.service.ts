import { Injectable, Logger } from '@nestjs/common';
import { CreateRequestContext, EntityManager, LockMode } from '@mikro-orm/postgresql';

import {
  ErrorCode,
  LEGAL_HOLD_LABELS,
  type LegalHoldReply,
  type LiftLegalHoldRequest,
  type ListLegalHoldsReply,
  type ListLegalHoldsRequest,
  PERMISSIONS,
  type PlaceLegalHoldRequest,
} from '@app/contracts';
import { assertPermission, assertVisible, DomainError, isSystemCaller, requireCaller } from '@app/platform';

import { LegalHold } from './legal-hold.entity';
import { AccountingRecord } from '../accounting/accounting-record.entity';
import { ArchiveFile } from '../files/archive-file.entity';

/**
 * Holds (保全): an administrative review, a lawsuit, an audit or an investigation still open keeps a household file,
 * or a roster or statistics report, from being destroyed, whatever its retention says (RetentionService.decide
 * refuses). Placed and lifted by an archivist, each on a stated basis, under the lock of what is held (as a
 * disposal takes it), so a hold and a disposal never cross.
 */
@Injectable()
export class LegalHoldsService {
  private readonly logger = new Logger(LegalHoldsService.name);

  constructor(private readonly em: EntityManager) {}

  @CreateRequestContext()
  async place(request: PlaceLegalHoldRequest): Promise<LegalHoldReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.archiveManage);
    if ((request.householdId === undefined) === (request.recordId === undefined)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'one subject', '请在户档案与档案记录中选择其一', [
        { field: 'householdId', messages: ['householdId 与 recordId 须给出且只给出其一'] },
      ]);
    }
    const hold = await this.em.transactional(async (em) => {
      const lock = { lockMode: LockMode.PESSIMISTIC_WRITE } as const;
      const file = request.householdId
        ? await em.findOne(ArchiveFile, { householdId: request.householdId }, lock)
        : null;
      const record = request.recordId ? await em.findOne(AccountingRecord, { id: request.recordId }, lock) : null;
      const subject = file ?? record;
      assertVisible(caller, subject?.divisionCode);
      const earlier = await em.findOne(
        LegalHold,
        { idempotencyKey: request.idempotencyKey },
        { populate: ['file', 'record'] },
      );
      if (earlier) {
        const same = earlier.file?.id === file?.id && earlier.record?.id === record?.id;
        if (!same || earlier.kind !== request.kind || earlier.basis !== request.basis) {
          throw new DomainError(ErrorCode.IDEMPOTENCY_CONFLICT, 'key reused', '该幂等键已用于另一项保全');
        }
        return earlier;
      }
      if (subject!.disposedAt) {
        throw new DomainError(ErrorCode.CONFLICT, 'already destroyed', '该档案已销毁，不能保全');
      }
      return em.create(LegalHold, {
        idempotencyKey: request.idempotencyKey,
        file,
        record,
        kind: request.kind,
        basis: request.basis,
        placedBy: caller.username,
        placedAt: new Date(),
      });
    });
    this.logger.log({ holdId: hold.id, held: heldName(hold), kind: hold.kind }, 'legal hold placed');
    return toLegalHold(hold);
  }

  @CreateRequestContext()
  async lift(request: LiftLegalHoldRequest): Promise<LegalHoldReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.archiveManage);
    const { hold, lifted } = await this.em.transactional(async (em) => {
      const found = await em.findOne(LegalHold, { id: request.holdId }, { populate: ['file', 'record'] });
      assertVisible(caller, (found?.file ?? found?.record)?.divisionCode);
      // The held one's lock first, as a disposal takes it: the hold is then read as it is.
      const lock = { lockMode: LockMode.PESSIMISTIC_WRITE } as const;
      if (found!.file) {
        await em.findOne(ArchiveFile, { id: found!.file.id }, lock);
      } else {
        await em.findOne(AccountingRecord, { id: found!.record!.id }, lock);
      }
      const current = await em.findOneOrFail(LegalHold, { id: request.holdId }, { refresh: true });
      if (current.liftedAt) {
        return { hold: current, lifted: false };
      }
      current.liftedBy = caller.username;
      current.liftedAt = new Date();
      current.liftBasis = request.basis;
      return { hold: current, lifted: true };
    });
    if (lifted) {
      this.logger.log({ holdId: hold.id, held: heldName(hold) }, 'legal hold lifted');
    }
    return toLegalHold(hold);
  }

  /** Holds in the caller's division, newest first: in force only unless `active` is false. */
  @CreateRequestContext()
  async list(request: ListLegalHoldsRequest): Promise<ListLegalHoldsReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.archiveManage);
    const area = isSystemCaller(caller) ? {} : { divisionCode: { $like: `${caller.divisionCode}%` } };
    const holds = await this.em.find(
      LegalHold,
      {
        ...(request.active === false ? {} : { liftedAt: null }),
        ...(request.householdId ? { file: { householdId: request.householdId } } : {}),
        ...(request.recordId ? { record: request.recordId } : {}),
        ...(isSystemCaller(caller) ? {} : { $or: [{ file: area }, { record: area }] }),
      },
      { populate: ['file', 'record'], orderBy: { placedAt: 'desc', id: 'asc' }, limit: 1000 },
    );
    return { items: holds.map(toLegalHold) };
  }
}

/** The holds in force on files or on records, for the disposal check and the appraisal list. */
export function holdsInForce(em: EntityManager, on: { files?: string[]; records?: string[] }): Promise<LegalHold[]> {
  const files = on.files ?? [];
  const records = on.records ?? [];
  if (files.length + records.length === 0) {
    return Promise.resolve([]);
  }
  return em.find(
    LegalHold,
    {
      liftedAt: null,
      $or: [
        ...(files.length ? [{ file: { $in: files } }] : []),
        ...(records.length ? [{ record: { $in: records } }] : []),
      ],
    },
    { populate: ['file', 'record'], orderBy: { placedAt: 'asc' } },
  );
}

/**
 * A destruction of what is held is refused (409), naming the holds in staff words: 该档案处于保全状态（行政复议（…）），…
 * Asked under the lock of what is to be destroyed, as a hold is placed under it.
 */
export async function refuseIfHeld(
  em: EntityManager,
  on: { files: string[] } | { records: string[] },
  what: '该档案' | '该档案记录',
): Promise<void> {
  const holds = await holdsInForce(em, on);
  if (holds.length > 0) {
    const reasons = holds.map((hold) => `${LEGAL_HOLD_LABELS[hold.kind]}（${hold.basis}）`).join('；');
    throw new DomainError(ErrorCode.CONFLICT, 'on hold', `${what}处于保全状态（${reasons}），解除保全前不能销毁`);
  }
}

/** The file's 档号, or the record's title and division (as the disposal register names them). */
function heldName(hold: LegalHold): string {
  return hold.file?.referenceCode ?? `${hold.record!.title}（${hold.record!.divisionCode}）`;
}

export function toLegalHold(hold: LegalHold): LegalHoldReply {
  return {
    id: hold.id,
    householdId: hold.file?.householdId ?? null,
    recordId: hold.record?.id ?? null,
    referenceCode: heldName(hold),
    kind: hold.kind,
    basis: hold.basis,
    placedBy: hold.placedBy,
    placedAt: hold.placedAt.toISOString(),
    liftedBy: hold.liftedBy,
    liftedAt: hold.liftedAt?.toISOString() ?? null,
    liftBasis: hold.liftBasis,
  };
}
