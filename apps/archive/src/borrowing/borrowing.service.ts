import { Injectable, Logger } from '@nestjs/common';
import { CreateRequestContext, EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';

import {
  type BorrowReply,
  type Caller,
  type DecideBorrowRequest,
  ErrorCode,
  type ListBorrowRequestsReply,
  type ListBorrowRequestsRequest,
  PERMISSIONS,
  type RequestBorrowRequest,
  rolesAllow,
} from '@app/contracts';
import { assertPermission, assertVisible, DomainError, inScope, isSystemCaller, requireCaller } from '@app/platform';

import { BorrowRequest } from './borrow-request.entity';
import { ArchiveFile } from '../files/archive-file.entity';

/**
 * Lookup and borrowing (查借阅): staff outside a file's division ask for it with a purpose and a number of days;
 * an archivist whose division holds the file approves or refuses; an approved loan lets the requester read
 * the file and its items until it expires (every read is still logged by the gateway).
 */
@Injectable()
export class BorrowingService {
  private readonly logger = new Logger(BorrowingService.name);

  constructor(private readonly em: EntityManager) {}

  @CreateRequestContext()
  async request(request: RequestBorrowRequest): Promise<BorrowReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.documentRead);
    const repeated = await this.em.findOne(
      BorrowRequest,
      { idempotencyKey: request.idempotencyKey },
      { populate: ['file'] },
    );
    if (repeated) {
      if (repeated.requesterId !== caller.userId || repeated.file.householdId !== request.householdId) {
        throw new DomainError(ErrorCode.IDEMPOTENCY_CONFLICT, 'key reused', '该幂等键已用于另一项借阅申请');
      }
      return toReply(repeated, repeated.file);
    }
    const file = await this.em.findOne(ArchiveFile, { householdId: request.householdId });
    if (!file) {
      throw new DomainError(ErrorCode.NOT_FOUND, 'no archive file', '该户尚未建立电子档案', [
        { field: 'householdId', messages: ['该户尚未建立电子档案'] },
      ]);
    }
    if (inScope(caller, file.divisionCode)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'file in own division', '本辖区的档案可直接查阅，无需借阅', [
        { field: 'householdId', messages: ['本辖区的档案可直接查阅，无需借阅'] },
      ]);
    }
    const borrow = this.em.create(BorrowRequest, {
      idempotencyKey: request.idempotencyKey,
      file,
      requesterId: caller.userId,
      requestedBy: caller.username,
      requesterDivision: caller.divisionCode,
      purpose: request.purpose,
      days: request.days,
      status: 'PENDING',
    });
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        this.em.clear();
        return this.request(request);
      }
      throw error;
    }
    this.logger.log({ requestId: borrow.id, file: file.referenceCode, by: caller.username }, 'borrow requested');
    return toReply(borrow, file);
  }

  @CreateRequestContext()
  async decide(request: DecideBorrowRequest): Promise<BorrowReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.archiveManage);
    const borrow = await this.em.findOne(BorrowRequest, { id: request.requestId }, { populate: ['file'] });
    assertVisible(caller, borrow?.file.divisionCode);
    const wanted = request.approve ? 'APPROVED' : 'REFUSED';
    if (borrow!.status !== 'PENDING') {
      if (borrow!.status === wanted) {
        return toReply(borrow!, borrow!.file);
      }
      throw new DomainError(
        ErrorCode.CONFLICT,
        'already decided',
        `该借阅申请已${borrow!.status === 'APPROVED' ? '批准' : '拒绝'}`,
      );
    }
    const now = new Date();
    borrow!.status = wanted;
    borrow!.decidedBy = caller.username;
    borrow!.decidedAt = now;
    borrow!.note = request.note ?? null;
    borrow!.expiresAt = request.approve ? new Date(now.getTime() + borrow!.days * 86_400_000) : null;
    await this.em.flush();
    this.logger.log({ requestId: borrow!.id, status: wanted, by: caller.username }, 'borrow decided');
    return toReply(borrow!, borrow!.file);
  }

  /** Archivists: requests for files in their division; everyone else: their own requests. Newest first. */
  @CreateRequestContext()
  async list(request: ListBorrowRequestsRequest): Promise<ListBorrowRequestsReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.documentRead);
    const archivist = isSystemCaller(caller) || rolesAllow(caller.roles, PERMISSIONS.archiveManage);
    const rows = await this.em.find(
      BorrowRequest,
      {
        ...(archivist
          ? { file: { divisionCode: { $like: `${isSystemCaller(caller) ? '' : caller.divisionCode}%` } } }
          : { requesterId: caller.userId }),
        ...(request.status ? { status: request.status } : {}),
      },
      { orderBy: { createdAt: 'desc' }, limit: 200, populate: ['file'] },
    );
    return { items: rows.map((row) => toReply(row, row.file)) };
  }
}

/**
 * Throws FORBIDDEN unless the caller may read the file: in their division, or lent to them and not expired.
 * Missing and out of reach answer alike.
 */
export async function assertReadable(em: EntityManager, caller: Caller, file: ArchiveFile | null): Promise<void> {
  if (file && !inScope(caller, file.divisionCode)) {
    const lent = await em.count(BorrowRequest, {
      file,
      requesterId: caller.userId,
      status: 'APPROVED',
      expiresAt: { $gt: new Date() },
    });
    if (lent > 0) {
      return;
    }
  }
  assertVisible(caller, file?.divisionCode);
}

function toReply(borrow: BorrowRequest, file: ArchiveFile): BorrowReply {
  return {
    id: borrow.id,
    householdId: file.householdId,
    fileReferenceCode: file.referenceCode,
    divisionCode: file.divisionCode,
    requestedBy: borrow.requestedBy,
    requesterDivision: borrow.requesterDivision,
    purpose: borrow.purpose,
    days: borrow.days,
    status: borrow.status,
    decidedBy: borrow.decidedBy,
    decidedAt: borrow.decidedAt?.toISOString() ?? null,
    note: borrow.note,
    expiresAt: borrow.expiresAt?.toISOString() ?? null,
    createdAt: borrow.createdAt.toISOString(),
  };
}
