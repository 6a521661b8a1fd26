import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';

import {
  type Caller,
  type CreateRecoveryRequest,
  type GetRecoveryRequest,
  type ListRecoveriesReply,
  type ListRecoveriesRequest,
  PERMISSIONS,
  type RecordRepaymentRequest,
  RECOVERY_KIND_LABELS,
  type RecoveryReply,
} from '@app/contracts';
import { beijingDate, beijingMinute, formatYuan, maskIdNumber, monthStart, requestContentHash } from '@app/domain';
import { areaOf, assertAnyPermission, assertPermission, assertVisible, requireCaller } from '@app/platform';

import { Recovery, RecoveryRepayment } from './recovery.entity';
import { RecoveryError } from './recovery.errors';
import { Enrolment } from '../enrolments/enrolment.entity';
import { HouseholdFilingService } from '../enrolments/household-filing.service';

const month = (day: string) => day.slice(0, 7);

/**
 * Who may read recoveries: payment's readers, and every reader of the household's division (its dossier shows what
 * the household owes back, as it shows the benefit and the payments).
 */
const READ_PERMISSIONS = [PERMISSIONS.paymentRead, PERMISSIONS.applicationRead];

export function toRecoveryReply(recovery: Recovery, repayments: RecoveryRepayment[]): RecoveryReply {
  const totalFen = recovery.principalFen + recovery.fineFen;
  return {
    id: recovery.id,
    enrolmentId: recovery.enrolmentId,
    householdId: recovery.householdId,
    divisionCode: recovery.divisionCode,
    kind: recovery.kind,
    fromMonth: month(recovery.fromMonth),
    toMonth: month(recovery.toMonth),
    paidMonths: recovery.paidMonths,
    principalFen: recovery.principalFen,
    fineFen: recovery.fineFen,
    totalFen,
    repaidFen: recovery.repaidFen,
    outstandingFen: totalFen - recovery.repaidFen,
    status: recovery.status,
    decision: recovery.decision,
    reason: recovery.reason,
    documentId: recovery.documentId,
    decidedBy: recovery.decidedBy,
    decidedAt: recovery.decidedAt.toISOString(),
    repayments: repayments.map((repayment) => ({
      id: repayment.id,
      amountFen: repayment.amountFen,
      receivedOn: repayment.receivedOn,
      receiptNo: repayment.receiptNo,
      recordedBy: repayment.recordedBy,
      recordedAt: repayment.createdAt.toISOString(),
    })),
  };
}

/**
 * Money a benefit paid that was not owed, ordered back (追回): the county decides it from the months paid, its
 * decision filed in the household file; finance records what is repaid until nothing is outstanding.
 */
@Injectable()
export class RecoveriesService {
  private readonly logger = new Logger(RecoveriesService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly filing: HouseholdFilingService,
  ) {}

  async create(request: CreateRecoveryRequest): Promise<RecoveryReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.enrolmentChange);
    const em = this.em.fork();
    const enrolment = await em.findOne(Enrolment, { id: request.enrolmentId });
    assertVisible(caller, enrolment?.divisionCode);
    const requestHash = requestContentHash(request);
    const repeated = await this.repeatOf(em, request.idempotencyKey, requestHash);
    if (repeated) {
      return repeated;
    }
    if (request.toMonth < request.fromMonth) {
      throw RecoveryError.field('toMonth', '截止月份不能早于起始月份');
    }
    const fineFen = request.fineFen ?? 0;
    if (request.kind === 'OVERPAYMENT' && fineFen !== 0) {
      throw RecoveryError.field('fineFen', '多领（错发）追回不处罚款；骗取的请选择FRAUD');
    }
    // The decision is filed under the application the benefit came from.
    const applicationId = await this.filing.applicationOf(enrolment!);
    const created = await em.transactional(async (tx) => {
      // One recovery at a time per benefit: the overlap check and the insert are under the enrolment's lock.
      const locked = await tx.findOneOrFail(
        Enrolment,
        { id: request.enrolmentId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      // The same key sent twice at once: the second waited for the lock and finds the first's recovery.
      if (await tx.findOne(Recovery, { idempotencyKey: request.idempotencyKey })) {
        return undefined;
      }
      const [paid] = await tx.getConnection().execute<Array<{ months: number; fen: string | null }>>(
        `select count(*)::int as months, sum(amount_fen) as fen from payment.payroll_line
          where household_id = ? and month between ? and ? and status = 'PAID'`,
        [locked.householdId, monthStart(request.fromMonth), monthStart(request.toMonth)],
        'all',
        tx.getTransactionContext(),
      );
      const principalFen = Number(paid.fen ?? 0);
      if (principalFen === 0) {
        throw RecoveryError.field('fromMonth', `${request.fromMonth}至${request.toMonth}没有已发放的保障金可追回`);
      }
      if (request.kind === 'FRAUD' && (fineFen < principalFen || fineFen > 3 * principalFen)) {
        throw RecoveryError.field(
          'fineFen',
          `骗取的应处骗取金额1倍以上3倍以下罚款：${formatYuan(principalFen)}元至${formatYuan(3 * principalFen)}元`,
        );
      }
      const overlapping = await tx.findOne(Recovery, {
        householdId: locked.householdId,
        fromMonth: { $lte: monthStart(request.toMonth) },
        toMonth: { $gte: monthStart(request.fromMonth) },
      });
      if (overlapping) {
        throw RecoveryError.overlaps(month(overlapping.fromMonth), month(overlapping.toMonth));
      }
      // Deciding is archiving: the decision is filed before the recovery is recorded (the enrolment is locked
      // meanwhile); if it cannot be filed, nothing is recorded and the same request may be sent again.
      const decidedAt = new Date();
      const document = await this.filing.file(locked, {
        applicationId,
        documentType: 'RECOVERY_DECISION',
        step: `recovery:${request.fromMonth}:${request.toMonth}`,
        requestKey: request.idempotencyKey,
        createdBy: caller.username,
        form: recoveryForm(locked, request, { months: paid.months, principalFen, fineFen }, caller, decidedAt),
      });
      const recovery = tx.create(Recovery, {
        idempotencyKey: request.idempotencyKey,
        requestHash,
        enrolmentId: locked.id,
        householdId: locked.householdId,
        divisionCode: locked.divisionCode,
        kind: request.kind,
        fromMonth: monthStart(request.fromMonth),
        toMonth: monthStart(request.toMonth),
        paidMonths: paid.months,
        principalFen,
        fineFen,
        decision: request.decision,
        reason: request.reason,
        documentId: document.id,
        decidedBy: caller.username,
        decidedAt,
      });
      await tx.flush();
      return recovery;
    });
    if (created) {
      this.logger.log(
        { recoveryId: created.id, kind: created.kind, principalFen: created.principalFen },
        'recovery decided',
      );
    }
    return (await this.repeatOf(this.em.fork(), request.idempotencyKey, requestHash))!;
  }

  async repay(request: RecordRepaymentRequest): Promise<RecoveryReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.paymentManage);
    const em = this.em.fork();
    const recovery = await em.findOne(Recovery, { id: request.recoveryId });
    assertVisible(caller, recovery?.divisionCode);
    const requestHash = requestContentHash(request);
    const recording = em.transactional(async (tx) => {
      const locked = await tx.findOneOrFail(
        Recovery,
        { id: request.recoveryId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      // Under the recovery's lock: the same request sent twice at once finds the first one's repayment here.
      const earlier = await tx.findOne(RecoveryRepayment, { idempotencyKey: request.idempotencyKey });
      if (earlier) {
        if (earlier.recoveryId !== locked.id || earlier.requestHash !== requestHash) {
          throw RecoveryError.keyReused();
        }
        return;
      }
      const today = beijingDate(new Date());
      const decidedOn = beijingDate(locked.decidedAt);
      if (request.receivedOn > today || request.receivedOn < decidedOn) {
        throw RecoveryError.field('receivedOn', `缴回日期应在决定之日（${decidedOn}）与今天（${today}）之间`);
      }
      const outstanding = locked.principalFen + locked.fineFen - locked.repaidFen;
      if (request.amountFen > outstanding) {
        throw RecoveryError.field(
          'amountFen',
          outstanding === 0 ? '该追回已全部缴清' : `缴回金额超过尚欠金额${formatYuan(outstanding)}元`,
        );
      }
      tx.create(RecoveryRepayment, {
        idempotencyKey: request.idempotencyKey,
        requestHash,
        recoveryId: locked.id,
        amountFen: request.amountFen,
        receivedOn: request.receivedOn,
        receiptNo: request.receiptNo,
        recordedBy: caller.username,
      });
      locked.repaidFen += request.amountFen;
      locked.status = locked.repaidFen === locked.principalFen + locked.fineFen ? 'SETTLED' : 'OUTSTANDING';
      await tx.flush();
    });
    await recording.catch((error: unknown) => {
      // The key taken meanwhile by a repayment of another recovery.
      throw error instanceof UniqueConstraintViolationException ? RecoveryError.keyReused() : error;
    });
    return this.reply(em, request.recoveryId);
  }

  async get(request: GetRecoveryRequest): Promise<RecoveryReply> {
    const caller = requireCaller();
    assertAnyPermission(caller, READ_PERMISSIONS);
    const em = this.em.fork();
    const recovery = await em.findOne(Recovery, { id: request.recoveryId });
    assertVisible(caller, recovery?.divisionCode);
    return this.reply(em, request.recoveryId);
  }

  async list(request: ListRecoveriesRequest): Promise<ListRecoveriesReply> {
    const caller = requireCaller();
    assertAnyPermission(caller, READ_PERMISSIONS);
    const em = this.em.fork();
    const recoveries = await em.find(
      Recovery,
      {
        divisionCode: { $like: `${areaOf(caller, request.divisionCode)}%` },
        ...(request.status ? { status: request.status } : {}),
        ...(request.householdId ? { householdId: request.householdId } : {}),
      },
      { orderBy: { decidedAt: 'desc', id: 'asc' }, limit: request.limit ?? 50, offset: request.offset ?? 0 },
    );
    const repayments = await em.find(
      RecoveryRepayment,
      { recoveryId: { $in: recoveries.map((recovery) => recovery.id) } },
      { orderBy: { createdAt: 'asc' } },
    );
    return {
      items: recoveries.map((recovery) =>
        toRecoveryReply(
          recovery,
          repayments.filter((repayment) => repayment.recoveryId === recovery.id),
        ),
      ),
    };
  }

  /** The recovery first recorded under `key`; refused when the key came with other content. */
  private async repeatOf(em: EntityManager, key: string, requestHash: string): Promise<RecoveryReply | undefined> {
    const earlier = await em.findOne(Recovery, { idempotencyKey: key });
    if (!earlier) {
      return undefined;
    }
    if (earlier.requestHash !== requestHash) {
      throw RecoveryError.keyReused();
    }
    return this.reply(em, earlier.id);
  }

  private async reply(em: EntityManager, recoveryId: string): Promise<RecoveryReply> {
    const recovery = await em.findOneOrFail(Recovery, { id: recoveryId }, { refresh: true });
    const repayments = await em.find(RecoveryRepayment, { recoveryId }, { orderBy: { createdAt: 'asc' } });
    return toRecoveryReply(recovery, repayments);
  }
}

/** 追回最低生活保障金决定书: what was paid for which months, the fine for fraud, on what basis. */
function recoveryForm(
  enrolment: Enrolment,
  request: CreateRecoveryRequest,
  paid: { months: number; principalFen: number; fineFen: number },
  caller: Caller,
  decidedAt: Date,
) {
  return {
    title: '追回最低生活保障金决定书',
    fields: [
      { label: '户主', value: enrolment.headName },
      { label: '公民身份号码', value: maskIdNumber(enrolment.headIdNumber) },
      { label: '所在社区（村）', value: enrolment.divisionCode },
      { label: '追回类型', value: RECOVERY_KIND_LABELS[request.kind] },
      { label: '追回期间', value: `${request.fromMonth}至${request.toMonth}（已发放${paid.months}个月）` },
      { label: '应追回保障金', value: `${formatYuan(paid.principalFen)}元` },
      ...(request.kind === 'FRAUD' ? [{ label: '罚款', value: `${formatYuan(paid.fineFen)}元` }] : []),
      { label: '合计应缴回', value: `${formatYuan(paid.principalFen + paid.fineFen)}元` },
      { label: '决定依据', value: request.decision },
      { label: '理由', value: request.reason },
      { label: '经办人', value: caller.username },
      { label: '经办单位（行政区划代码）', value: caller.divisionCode },
      { label: '决定时间', value: `${beijingMinute(decidedAt)}（北京时间）` },
    ],
    notes: [
      ...(request.kind === 'FRAUD'
        ? ['依据《社会救助暂行办法》第六十八条，责令退回非法获取的救助资金，并处罚款。']
        : []),
      '对本决定不服的，可以依法申请行政复议或者提起行政诉讼。',
    ],
    completedAt: decidedAt.toISOString(),
  };
}
