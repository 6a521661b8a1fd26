import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';

import {
  type LineReply,
  type ListLinesReply,
  type ListLinesRequest,
  type PaymentHistoryReply,
  type PaymentHistoryRequest,
  PERMISSIONS,
  type ReissueLineRequest,
  type CancelLineRequest,
} from '@app/contracts';
import { beijingMonth, maskBankAccount, monthStart } from '@app/domain';
import {
  AccessError,
  assertAnyPermission,
  assertPermission,
  assertVisible,
  inScope,
  isSystemCaller,
  requireCaller,
} from '@app/platform';

import { LineEvent } from './line-event.entity';
import { BanksService } from '../banks/banks.service';
import { Enrolment } from '../enrolments/enrolment.entity';
import { PaymentError } from '../payment.errors';
import { PaymentBatch } from '../payroll/payment-batch.entity';
import { PayrollLine } from '../payroll/payroll-line.entity';
import { cyclePrefix } from '../payroll/payroll.service';

export function toLineReply(line: PayrollLine, reveal: boolean): LineReply {
  return {
    id: Number(line.id),
    month: line.month.slice(0, 7),
    householdId: line.householdId,
    enrolmentId: line.enrolmentId,
    divisionCode: line.divisionCode,
    bankCode: line.bankCode,
    accountName: line.accountName,
    accountNo: reveal ? line.accountNo : maskBankAccount(line.accountNo),
    baseFen: line.baseFen,
    supplementFen: line.supplementFen,
    amountFen: line.amountFen,
    status: line.status,
    batchId: line.batchId ?? null,
    attempt: line.attempt,
    failureCode: line.failureCode ?? null,
    failureReason: line.failureReason ?? null,
    bankReference: line.bankReference ?? null,
    settledAt: line.settledAt ? line.settledAt.toISOString() : null,
  };
}

/**
 * Payroll lines for staff: the failed ones with their reasons, re-issue after a correction (or of a held month to a
 * new card), a held month cancelled as not owed, a household's history.
 */
@Injectable()
export class LinesService {
  private readonly logger = new Logger(LinesService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly banks: BanksService,
  ) {}

  async list(request: ListLinesRequest): Promise<ListLinesReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.paymentRead);
    if (request.divisionCode && !inScope(caller, request.divisionCode)) {
      throw AccessError.outOfDivision(request.divisionCode);
    }
    const scope = request.divisionCode ?? (isSystemCaller(caller) ? '' : caller.divisionCode);
    const lines = await this.em.fork().find(
      PayrollLine,
      {
        divisionCode: { $like: `${scope}%` },
        ...(request.month ? { month: monthStart(request.month) } : {}),
        ...(request.householdId ? { householdId: request.householdId } : {}),
        ...(request.status ? { status: request.status } : {}),
        ...(request.after ? { id: { $gt: request.after } } : {}),
      },
      { orderBy: { id: 'asc' }, limit: request.limit ?? 100 },
    );
    return { items: lines.map((line) => toLineReply(line, false)) };
  }

  /**
   * A failed line paid again to a corrected account, or a held one to a new card (the way to pay a held month once
   * the benefit has stopped and its payee can no longer be changed): the line goes into a new re-issue batch of the
   * current cycle for its bank, and the correction is recorded with who and why. Idempotent by key.
   */
  async reissue(request: ReissueLineRequest): Promise<LineReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.paymentManage);
    const em = this.em.fork();
    const line = await em.findOne(PayrollLine, { id: request.lineId });
    assertVisible(caller, line?.divisionCode);
    const previous = await em.findOne(LineEvent, { idempotencyKey: request.idempotencyKey });
    if (previous) {
      const sameAccount = request.accountNo === undefined || previous.newAccountNo === request.accountNo;
      if (Number(previous.lineId) !== request.lineId || previous.kind !== 'REISSUED' || !sameAccount) {
        throw PaymentError.keyReused();
      }
      return toLineReply(await em.findOneOrFail(PayrollLine, { id: request.lineId }, { refresh: true }), false);
    }
    // Paid to the holder of record (a new head after a change of head), into the account given or, left out, the
    // account the benefit is paid into now.
    const payee = await em.findOneOrFail(Enrolment, { id: line!.enrolmentId });
    const accountNo = request.accountNo ?? payee.accountNo;
    const bankCode = request.bankCode ?? (request.accountNo === undefined ? payee.bankCode : line!.bankCode);
    await this.banks.assertActive(bankCode);
    const updated = await em.transactional(async (tx) => {
      const locked = await tx.findOneOrFail(
        PayrollLine,
        { id: request.lineId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (locked.status !== 'FAILED' && locked.status !== 'HELD') {
        throw PaymentError.lineNotFailed();
      }
      if (locked.accountNo === accountNo && locked.bankCode === bankCode) {
        throw PaymentError.sameAccount(request.accountNo !== undefined);
      }
      const cycle = beijingMonth(new Date());
      const [{ seq }] = await tx
        .getConnection()
        .execute<Array<{ seq: number }>>(
          `select coalesce(max(seq), 0) + 1 as seq from payment.payment_batch where month = ?::date and bank_code = ? and kind = 'REISSUE'`,
          [monthStart(cycle), bankCode],
          'all',
          tx.getTransactionContext(),
        );
      const batchId = `${cyclePrefix(cycle)}${bankCode}-R${String(seq).padStart(4, '0')}`;
      tx.create(PaymentBatch, {
        id: batchId,
        month: monthStart(cycle),
        bankCode,
        seq,
        kind: 'REISSUE',
        status: 'READY',
        lineCount: 1,
        totalFen: locked.amountFen,
        createdAt: new Date(),
      });
      tx.create(LineEvent, {
        lineId: locked.id,
        kind: 'REISSUED',
        idempotencyKey: request.idempotencyKey,
        oldAccountNo: locked.accountNo,
        newAccountNo: accountNo,
        reason: request.reason,
        actorId: caller.userId,
        actorName: caller.username,
      });
      Object.assign(locked, {
        accountNo,
        accountName: payee.headName,
        bankCode,
        status: 'PENDING',
        batchId,
        attempt: locked.attempt + 1,
        failureCode: null,
        failureReason: null,
        settledAt: null,
      });
      await tx.flush();
      return locked;
    });
    return toLineReply(updated, false);
  }

  /**
   * A held line found not owed (不予发放): never paid, in no batch, recorded with who and why. Only a held line —
   * one sent to a bank is the bank's to answer, and a failed one is re-issued or carried. Idempotent by key.
   */
  async cancel(request: CancelLineRequest): Promise<LineReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.paymentManage);
    const em = this.em.fork();
    const line = await em.findOne(PayrollLine, { id: request.lineId });
    assertVisible(caller, line?.divisionCode);
    const answer = async (tx: EntityManager) => {
      const previous = await tx.findOne(LineEvent, { idempotencyKey: request.idempotencyKey });
      if (!previous) {
        return undefined;
      }
      if (Number(previous.lineId) !== request.lineId || previous.kind !== 'CANCELLED') {
        throw PaymentError.keyReused();
      }
      return toLineReply(await tx.findOneOrFail(PayrollLine, { id: request.lineId }, { refresh: true }), false);
    };
    const cancelled = await em.transactional(async (tx) => {
      const locked = await tx.findOneOrFail(
        PayrollLine,
        { id: request.lineId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      // Under the line's lock: the same request sent twice at once finds the first one's event here.
      const again = await answer(tx);
      if (again) {
        return again;
      }
      if (locked.status !== 'HELD') {
        throw PaymentError.lineNotHeld();
      }
      tx.create(LineEvent, {
        lineId: locked.id,
        kind: 'CANCELLED',
        idempotencyKey: request.idempotencyKey,
        oldAccountNo: locked.accountNo,
        reason: request.reason,
        actorId: caller.userId,
        actorName: caller.username,
      });
      locked.status = 'CANCELLED';
      await tx.flush();
      this.logger.log({ lineId: locked.id, month: locked.month, actor: caller.username }, 'held line cancelled');
      return toLineReply(locked, false);
    });
    return cancelled;
  }

  /** A household's payments, newest month first (for the dossier). */
  async history(request: PaymentHistoryRequest): Promise<PaymentHistoryReply> {
    const caller = requireCaller();
    // Also every reader of the household's division: its dossier shows the benefit and the payments (masked).
    assertAnyPermission(caller, [PERMISSIONS.paymentRead, PERMISSIONS.applicationRead]);
    const lines = await this.em
      .fork()
      .find(
        PayrollLine,
        { householdId: request.householdId },
        { orderBy: { month: 'desc' }, limit: request.months ?? 24 },
      );
    if (lines.length > 0) {
      assertVisible(caller, lines[0].divisionCode);
    }
    return {
      householdId: request.householdId,
      divisionCode: lines[0]?.divisionCode ?? null,
      items: lines.map((line) => ({
        month: line.month.slice(0, 7),
        amountFen: line.amountFen,
        baseFen: line.baseFen,
        supplementFen: line.supplementFen,
        status: line.status,
        bankCode: line.bankCode,
        bankReference: line.bankReference ?? null,
        failureCode: line.failureCode ?? null,
        settledAt: line.settledAt ? line.settledAt.toISOString() : null,
      })),
    };
  }
}
