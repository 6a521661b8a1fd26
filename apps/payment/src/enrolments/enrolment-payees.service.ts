import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';

import { type ChangePayeeRequest, type EnrolmentReply, PERMISSIONS } from '@app/contracts';
import { beijingMonth, monthStart, requestContentHash } from '@app/domain';
import { assertAnyPermission, assertVisible, isSystemCaller, requireCaller } from '@app/platform';

import { EnrolmentChange, type Payee } from './enrolment-change.entity';
import { Enrolment } from './enrolment.entity';
import { EnrolmentsService } from './enrolments.service';
import { BanksService } from '../banks/banks.service';
import { PaymentError } from '../payment.errors';
import { releaseHeld } from '../payroll/payroll-sql';

/**
 * The account a benefit is paid into (收款账户变更): finance corrects a closed or wrong card; the registry moves
 * the benefit to a new head's card when the head changes (变更户主; a per-household benefit goes to the head's
 * card, domain §3.5). Months already on a payroll keep their account; the next payroll uses the new one. A new card
 * ends a hold (the old card could not receive): the months held go to it with the next payroll.
 */
@Injectable()
export class EnrolmentPayeesService {
  private readonly logger = new Logger(EnrolmentPayeesService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly enrolments: EnrolmentsService,
    private readonly banks: BanksService,
  ) {}

  /** Records the change (kind ACCOUNT, before and after) and sets the enrolment's payee, in one transaction. */
  async change(request: ChangePayeeRequest): Promise<EnrolmentReply> {
    const caller = requireCaller();
    assertAnyPermission(caller, [PERMISSIONS.paymentManage, PERMISSIONS.enrolmentChange]);
    // The head is the registry's: only its change of members (as the system) names a new one.
    const newHead = request.headName !== undefined || request.headIdNumber !== undefined;
    if (newHead && !isSystemCaller(caller)) {
      throw PaymentError.headFromRegistry();
    }
    const em = this.em.fork();
    const enrolment = request.enrolmentId
      ? await em.findOne(Enrolment, { id: request.enrolmentId })
      : await em.findOne(Enrolment, { householdId: request.householdId, status: { $ne: 'TERMINATED' } });
    const requestHash = requestContentHash(request);
    if (!enrolment && !request.enrolmentId) {
      // The registry sending its change again after the benefit ended gets the answer to its key, not a 404.
      const earlier = await this.enrolments.repeatOf(request.idempotencyKey, requestHash);
      if (earlier) {
        return earlier;
      }
      throw PaymentError.noOpenEnrolment();
    }
    assertVisible(caller, enrolment?.divisionCode);
    const repeated = await this.enrolments.repeatOf(request.idempotencyKey, requestHash);
    if (repeated) {
      return repeated;
    }
    const headIdNumber =
      request.headIdNumber === undefined ? undefined : PaymentError.validHeadIdNumber(request.headIdNumber);
    await this.banks.assertActive(request.bankCode);
    let released = 0;
    await em.transactional(async (tx) => {
      const locked = await tx.findOneOrFail(Enrolment, { id: enrolment!.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // The same key sent twice at once: the second waited for the lock and finds the first's change.
      if (await tx.findOne(EnrolmentChange, { idempotencyKey: request.idempotencyKey })) {
        return;
      }
      if (locked.status === 'TERMINATED') {
        throw PaymentError.terminated();
      }
      const before: Payee = {
        headName: locked.headName,
        headIdNumber: locked.headIdNumber,
        bankCode: locked.bankCode,
        accountNo: locked.accountNo,
      };
      const after: Payee = {
        headName: request.headName?.trim() ?? before.headName,
        headIdNumber: headIdNumber ?? before.headIdNumber,
        bankCode: request.bankCode,
        accountNo: request.accountNo,
      };
      if (Object.entries(after).every(([key, value]) => before[key as keyof Payee] === value)) {
        throw PaymentError.samePayee();
      }
      const [{ month }] = await tx.getConnection().execute<Array<{ month: string }>>(
        // The first month no payroll holds yet for the household, and not before this one.
        `select to_char(greatest(?::date, max(month) + interval '1 month'), 'YYYY-MM-DD') as month
           from payment.payroll_line where household_id = ?`,
        [monthStart(beijingMonth(new Date())), locked.householdId],
        'all',
        tx.getTransactionContext(),
      );
      tx.create(EnrolmentChange, {
        idempotencyKey: request.idempotencyKey,
        enrolmentId: locked.id,
        kind: 'ACCOUNT',
        effectiveMonth: month,
        decision: newHead ? '变更户主' : '收款账户变更',
        reason: request.reason,
        actorId: caller.userId,
        actorName: caller.username,
        requestHash,
        payee: { before, after },
      });
      Object.assign(locked, after);
      // A held payee (the card could not receive) is released by a new card, not by a new head on the same one.
      const newCard = after.bankCode !== before.bankCode || after.accountNo !== before.accountNo;
      if (locked.payeeHeldSince && newCard) {
        locked.payeeHeldSince = null;
        locked.payeeHoldReason = null;
      }
      await tx.flush();
      if (!locked.payeeHeldSince) {
        released = await tx
          .getConnection()
          .execute<{ affectedRows: number }>(
            releaseHeld('enrolment'),
            [locked.id, caller.userId, caller.username],
            'run',
            tx.getTransactionContext(),
          )
          .then((result) => result.affectedRows);
      }
    });
    this.logger.log({ enrolmentId: enrolment!.id, headChanged: newHead, released }, 'payee changed');
    return (await this.enrolments.repeatOf(request.idempotencyKey, requestHash))!;
  }
}
