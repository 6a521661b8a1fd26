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
import { ArchiveFile } from '../files/archive-file.entity';

/**
 * Holds on household files (保全): an administrative review, a lawsuit, an audit or an investigation still open
 * keeps the file from being destroyed, whatever its retention says (RetentionService.decide refuses). Placed and
 * lifted by an archivist, each on a stated basis, under the file's lock, so a hold and a disposal never cross.
 */
@Injectable()
export class LegalHoldsService {
  private readonly logger = new Logger(LegalHoldsService.name);

  constructor(private readonly em: EntityManager) {}

  @CreateRequestContext()
  async place(request: PlaceLegalHoldRequest): Promise<LegalHoldReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.archiveManage);
    const hold = await this.em.transactional(async (em) => {
      const file = await em.findOne(
        ArchiveFile,
        { householdId: request.householdId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      assertVisible(caller, file?.divisionCode);
      const earlier = await em.findOne(LegalHold, { idempotencyKey: request.idempotencyKey }, { populate: ['file'] });
      if (earlier) {
        if (earlier.file.id !== file!.id || earlier.kind !== request.kind || earlier.basis !== request.basis) {
          throw new DomainError(ErrorCode.IDEMPOTENCY_CONFLICT, 'key reused', '该幂等键已用于另一项保全');
        }
        return earlier;
      }
      if (file!.disposedAt) {
        throw new DomainError(ErrorCode.CONFLICT, 'already destroyed', '该档案已销毁，不能保全');
      }
      return em.create(LegalHold, {
        idempotencyKey: request.idempotencyKey,
        file: file!,
        kind: request.kind,
        basis: request.basis,
        placedBy: caller.username,
        placedAt: new Date(),
      });
    });
    this.logger.log({ holdId: hold.id, file: hold.file.referenceCode, kind: hold.kind }, 'legal hold placed');
    return toLegalHold(hold);
  }

  @CreateRequestContext()
  async lift(request: LiftLegalHoldRequest): Promise<LegalHoldReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.archiveManage);
    const { hold, lifted } = await this.em.transactional(async (em) => {
      const found = await em.findOne(LegalHold, { id: request.holdId }, { populate: ['file'] });
      assertVisible(caller, found?.file.divisionCode);
      // The file's lock first, as a disposal takes it: the hold is then read as it is.
      await em.findOne(ArchiveFile, { id: found!.file.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
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
      this.logger.log({ holdId: hold.id, file: hold.file.referenceCode }, 'legal hold lifted');
    }
    return toLegalHold(hold);
  }

  /** Holds of files in the caller's division, newest first: in force only unless `active` is false. */
  @CreateRequestContext()
  async list(request: ListLegalHoldsRequest): Promise<ListLegalHoldsReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.archiveManage);
    const file = {
      ...(request.householdId ? { householdId: request.householdId } : {}),
      ...(isSystemCaller(caller) ? {} : { divisionCode: { $like: `${caller.divisionCode}%` } }),
    };
    const holds = await this.em.find(
      LegalHold,
      {
        ...(request.active === false ? {} : { liftedAt: null }),
        ...(Object.keys(file).length > 0 ? { file } : {}),
      },
      { populate: ['file'], orderBy: { placedAt: 'desc', id: 'asc' }, limit: 1000 },
    );
    return { items: holds.map(toLegalHold) };
  }
}

/** The holds in force on a file, for the disposal check and the appraisal list. */
export function holdsInForce(em: EntityManager, fileIds: string[]): Promise<LegalHold[]> {
  return fileIds.length === 0
    ? Promise.resolve([])
    : em.find(
        LegalHold,
        { file: { $in: fileIds }, liftedAt: null },
        { populate: ['file'], orderBy: { placedAt: 'asc' } },
      );
}

/** Why a held file cannot be destroyed, in staff words: 行政复议（…）. */
export function holdReasons(holds: LegalHold[]): string {
  return holds.map((hold) => `${LEGAL_HOLD_LABELS[hold.kind]}（${hold.basis}）`).join('；');
}

export function toLegalHold(hold: LegalHold): LegalHoldReply {
  return {
    id: hold.id,
    householdId: hold.file.householdId,
    referenceCode: hold.file.referenceCode,
    kind: hold.kind,
    basis: hold.basis,
    placedBy: hold.placedBy,
    placedAt: hold.placedAt.toISOString(),
    liftedBy: hold.liftedBy,
    liftedAt: hold.liftedAt?.toISOString() ?? null,
    liftBasis: hold.liftBasis,
  };
}
