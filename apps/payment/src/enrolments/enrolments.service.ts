import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';

import {
  type Caller,
  type ChangeEnrolmentRequest,
  type CreateEnrolmentRequest,
  type EnrolmentReply,
  type GetEnrolmentRequest,
  PERMISSIONS,
  SUBJECTS,
} from '@app/contracts';
import {
  addMonths,
  addMonthsToDay,
  beijingMinute,
  formatYuan,
  maskIdNumber,
  monthStart,
  requestContentHash,
} from '@app/domain';
import {
  AccessError,
  assertAnyPermission,
  assertPermission,
  assertVisible,
  inScope,
  isSystemCaller,
  MessagingClient,
  requireCaller,
  runAsCaller,
  SYSTEM_CALLER,
} from '@app/platform';

import { EnrolmentChange } from './enrolment-change.entity';
import { EnrolmentReview } from './enrolment-review.entity';
import { EnrolmentTerm } from './enrolment-term.entity';
import { Enrolment } from './enrolment.entity';
import { toEnrolmentReply, toMonth } from './enrolment.mapper';
import { HouseholdFilingService } from './household-filing.service';
import { BanksService } from '../banks/banks.service';
import { PaymentError } from '../payment.errors';

const CHANGE_LABELS = { SUSPEND: '暂停发放', RESUME: '恢复发放', TERMINATE: '停止发放' } as const;

/** Enrolment for monthly payment, and its changes (amount, suspension, resumption, termination) by month. */
@Injectable()
export class EnrolmentsService {
  private readonly logger = new Logger(EnrolmentsService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly banks: BanksService,
    private readonly messaging: MessagingClient,
    private readonly filing: HouseholdFilingService,
  ) {}

  /** From the county confirmation. Idempotent by key; a household has at most one open enrolment. */
  async create(request: CreateEnrolmentRequest): Promise<EnrolmentReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.enrolmentChange);
    if (!inScope(caller, request.divisionCode)) {
      throw AccessError.outOfDivision(request.divisionCode);
    }
    const interval = request.reviewIntervalMonths ?? 12;
    const requestHash = requestContentHash(request);
    const repeated = await this.repeatOf(request.idempotencyKey, requestHash);
    if (repeated) {
      return repeated;
    }
    const headIdNumber = PaymentError.validHeadIdNumber(request.headIdNumber);
    await this.banks.assertActive(request.bankCode);
    const em = this.em.fork();
    try {
      const { created, change, term } = await em.transactional(async (tx) => {
        const created = tx.create(Enrolment, {
          idempotencyKey: request.idempotencyKey,
          householdId: request.householdId,
          applicationId: request.applicationId,
          divisionCode: request.divisionCode,
          headName: request.headName.trim(),
          headIdNumber,
          bankCode: request.bankCode,
          accountNo: request.accountNo,
          status: 'ACTIVE',
          firstMonth: monthStart(request.firstMonth),
          createdBy: caller.userId,
          reviewIntervalMonths: interval,
          nextReviewOn: addMonthsToDay(monthStart(request.firstMonth), interval),
        });
        const change = tx.create(EnrolmentChange, {
          idempotencyKey: request.idempotencyKey,
          enrolmentId: created.id,
          kind: 'ENROL',
          effectiveMonth: created.firstMonth,
          baseFen: request.baseFen,
          supplementFen: request.supplementFen,
          decision: request.decision,
          actorId: caller.userId,
          actorName: caller.username,
          requestHash,
        });
        const term = tx.create(EnrolmentTerm, {
          enrolmentId: created.id,
          fromMonth: created.firstMonth,
          toMonth: null,
          state: 'ACTIVE',
          baseFen: request.baseFen,
          supplementFen: request.supplementFen,
          changeId: change.id,
        });
        await tx.flush();
        return { created, change, term };
      });
      // Answered from the rows just written (a new enrolment has this one term and this one change): no read back.
      return toEnrolmentReply(created, [term], [change], isSystemCaller(caller));
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        const again = await this.repeatOf(request.idempotencyKey, requestHash);
        if (again) {
          return again;
        }
        throw PaymentError.alreadyEnrolled();
      }
      throw error;
    }
  }

  /** A change effective from a month, after the last change and after every month already on a payroll. */
  async change(request: ChangeEnrolmentRequest): Promise<EnrolmentReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.enrolmentChange);
    const requestHash = requestContentHash(request);
    const em = this.em.fork();
    const enrolment = await em.findOne(Enrolment, { id: request.enrolmentId });
    assertVisible(caller, enrolment?.divisionCode);
    const repeated = await this.repeatOf(request.idempotencyKey, requestHash);
    if (repeated) {
      return repeated;
    }
    if (request.gradualExitMonths !== undefined && request.kind !== 'TERMINATE') {
      throw PaymentError.gradualExitOnlyOnStop();
    }
    // A stop after a gradual exit (渐退) takes effect once its months are paid; they start at effectiveMonth.
    const starts = monthStart(request.effectiveMonth);
    const effective = request.gradualExitMonths
      ? monthStart(addMonths(request.effectiveMonth, request.gradualExitMonths))
      : starts;
    // The decision is filed under the application the benefit came from.
    const applicationId = await this.filing.applicationOf(enrolment!);
    await em.transactional(async (tx) => {
      // One change at a time per enrolment: lock it, then read its terms.
      const locked = await tx.findOneOrFail(
        Enrolment,
        { id: request.enrolmentId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      // The same key sent twice at once: the second waited for the lock and now finds the first's change.
      if (await tx.findOne(EnrolmentChange, { idempotencyKey: request.idempotencyKey })) {
        return;
      }
      if (locked.status === 'TERMINATED') {
        throw PaymentError.terminated();
      }
      const last = await tx.findOneOrFail(EnrolmentTerm, { enrolmentId: locked.id, toMonth: null });
      if (starts <= last.fromMonth) {
        throw PaymentError.notAfterLastChange(toMonth(last.fromMonth));
      }
      const paid = await tx.getConnection().execute<Array<{ month: string }>>(
        // A month whose lines are being loaded (chunks in, not yet sealed into the ledger) counts as on a payroll.
        `select to_char(max(month), 'YYYY-MM') as month from (
             select month from payment.payroll_line where household_id = ? and month >= ?
             union all
             select c.month from payment.payroll_chunk c
              where c.month >= ?
                and exists (select 1 from pg_class t join pg_namespace n on n.oid = t.relnamespace
                             where n.nspname = 'payment_ledger' and not t.relispartition
                               and t.relname = 'payroll_line_' || to_char(c.month, 'YYYYMM'))) m`,
        [locked.householdId, effective, effective],
        'all',
        tx.getTransactionContext(),
      );
      if (paid[0]?.month) {
        throw PaymentError.monthAlreadyPaid(paid[0].month);
      }
      if (request.kind === 'SUSPEND' && last.state === 'SUSPENDED') {
        throw PaymentError.sameState('SUSPENDED');
      }
      if (request.kind === 'RESUME' && last.state === 'ACTIVE') {
        throw PaymentError.sameState('ACTIVE');
      }
      // Deciding is archiving: the decision goes into the household file before the change is recorded (the row
      // is locked meanwhile); if it cannot be filed, nothing changes and the same request may be sent again.
      const document = await this.fileDecision(locked, last, request, toMonth(effective), applicationId, caller);
      const change = tx.create(EnrolmentChange, {
        idempotencyKey: request.idempotencyKey,
        enrolmentId: locked.id,
        kind: request.kind,
        effectiveMonth: effective,
        baseFen: request.kind === 'AMOUNT' ? request.baseFen : undefined,
        supplementFen: request.kind === 'AMOUNT' ? request.supplementFen : undefined,
        decision: request.decision,
        reason: request.reason,
        actorId: caller.userId,
        actorName: caller.username,
        requestHash,
        documentId: document.id,
        gradualExitMonths: request.gradualExitMonths ?? null,
      });
      last.toMonth = effective;
      await tx.flush(); // close the old term before the new one starts (the exclusion constraint checks each row)
      if (request.kind === 'TERMINATE') {
        locked.status = 'TERMINATED';
        locked.lastMonth = monthStart(addMonths(toMonth(effective), -1));
        locked.nextReviewOn = null;
      } else {
        tx.create(EnrolmentTerm, {
          enrolmentId: locked.id,
          fromMonth: effective,
          toMonth: null,
          state: request.kind === 'SUSPEND' ? 'SUSPENDED' : request.kind === 'RESUME' ? 'ACTIVE' : last.state,
          baseFen: request.kind === 'AMOUNT' ? request.baseFen! : last.baseFen,
          supplementFen: request.kind === 'AMOUNT' ? request.supplementFen! : last.supplementFen,
          changeId: change.id,
        });
        locked.status = request.kind === 'SUSPEND' ? 'SUSPENDED' : request.kind === 'RESUME' ? 'ACTIVE' : locked.status;
      }
      await tx.flush();
    });
    if (request.kind === 'TERMINATE') {
      await this.startRetentionClock(enrolment!.householdId, request, effective);
    }
    return (await this.repeatOf(request.idempotencyKey, requestHash)) ?? this.reply(request.enrolmentId, caller);
  }

  /**
   * The county's decision on the benefit (增发、减发、暂停、恢复、停发), rendered and filed (日常管理类). `from`: the
   * month it takes effect (after a gradual exit, the first month unpaid).
   */
  private fileDecision(
    enrolment: Enrolment,
    last: EnrolmentTerm,
    request: ChangeEnrolmentRequest,
    from: string,
    applicationId: string,
    caller: Caller,
  ) {
    const decidedAt = new Date();
    const before = last.baseFen + last.supplementFen;
    const after = request.kind === 'AMOUNT' ? request.baseFen! + request.supplementFen! : before;
    const gradual = request.kind === 'TERMINATE' ? request.gradualExitMonths : undefined;
    const what =
      request.kind !== 'AMOUNT'
        ? gradual
          ? '渐退期满后停止发放'
          : CHANGE_LABELS[request.kind]
        : after > before
          ? '增发'
          : after < before
            ? '减发'
            : '调整';
    return this.filing.file(enrolment, {
      applicationId,
      documentType: 'BENEFIT_CHANGE_DECISION',
      step: `benefit-change:${request.kind.toLowerCase()}:${from}`,
      requestKey: request.idempotencyKey,
      createdBy: caller.username,
      form: {
        title: `${what}最低生活保障金决定书`,
        fields: [
          { label: '户主', value: enrolment.headName },
          { label: '公民身份号码', value: maskIdNumber(enrolment.headIdNumber) },
          { label: '所在社区（村）', value: enrolment.divisionCode },
          { label: '决定事项', value: what },
          ...(gradual
            ? [
                {
                  label: '渐退期',
                  value: `${gradual}个月（${request.effectiveMonth}至${addMonths(from, -1)}按原标准照常发放）`,
                },
              ]
            : []),
          { label: '自何月起', value: from },
          { label: '原月保障金', value: `${formatYuan(before)}元` },
          ...(request.kind === 'AMOUNT'
            ? [
                {
                  label: '调整后月保障金',
                  value: `${formatYuan(after)}元（基本保障金${formatYuan(request.baseFen!)}元，分类施保金${formatYuan(request.supplementFen!)}元）`,
                },
              ]
            : []),
          { label: '决定依据', value: request.decision },
          { label: '理由', value: request.reason },
          { label: '经办人', value: caller.username },
          { label: '经办单位（行政区划代码）', value: caller.divisionCode },
          { label: '决定时间', value: `${beijingMinute(decidedAt)}（北京时间）` },
        ],
        notes:
          request.kind === 'AMOUNT' && after >= before
            ? undefined
            : ['对本决定不服的，可以依法申请行政复议或者提起行政诉讼。'],
        completedAt: decidedAt.toISOString(),
      },
    });
  }

  /**
   * Tells the archive that benefits ended (`endedFrom`, the first month unpaid): the household file's retention
   * clock starts (5 years). Lost, the file is only kept longer, never destroyed early (and a disposal asks this
   * service first).
   */
  private async startRetentionClock(
    householdId: string,
    request: ChangeEnrolmentRequest,
    endedFrom: string,
  ): Promise<void> {
    try {
      await runAsCaller(SYSTEM_CALLER, () =>
        this.messaging.request(SUBJECTS.archive.retentionRecord, {
          idempotencyKey: `retention:${request.idempotencyKey}`,
          householdId,
          event: 'BENEFIT_ENDED',
          occurredOn: endedFrom,
          basis: request.decision,
        }),
      );
    } catch (error) {
      this.logger.warn({ householdId, err: error }, 'retention clock not started in the archive');
    }
  }

  /** By id, or a household's open (else most recent) enrolment. */
  async get(request: GetEnrolmentRequest): Promise<EnrolmentReply> {
    const caller = requireCaller();
    // Also every reader of the household's division: its dossier shows the benefit and the payments (masked).
    assertAnyPermission(caller, [PERMISSIONS.paymentRead, PERMISSIONS.applicationRead]);
    const em = this.em.fork();
    const enrolment = request.enrolmentId
      ? await em.findOne(Enrolment, { id: request.enrolmentId })
      : await em.findOne(Enrolment, { householdId: request.householdId }, { orderBy: { createdAt: 'desc' } });
    assertVisible(caller, enrolment?.divisionCode);
    return this.reply(enrolment!.id, caller, enrolment!);
  }

  /** The enrolment with its terms, changes and reviews, asked at once (the dossier asks on every read). */
  async reply(enrolmentId: string, caller = requireCaller(), loaded?: Enrolment): Promise<EnrolmentReply> {
    const em = this.em.fork();
    const [enrolment, terms, changes, reviews] = await Promise.all([
      loaded ?? em.findOneOrFail(Enrolment, { id: enrolmentId }),
      em.find(EnrolmentTerm, { enrolmentId }, { orderBy: { fromMonth: 'asc' } }),
      em.find(EnrolmentChange, { enrolmentId }, { orderBy: { createdAt: 'asc' } }),
      em.find(EnrolmentReview, { enrolmentId }, { orderBy: { reviewedOn: 'asc', createdAt: 'asc' } }),
    ]);
    return toEnrolmentReply(enrolment, terms, changes, isSystemCaller(caller), reviews);
  }

  /** The answer to a repeated key, or undefined for a new one; a key reused for another request is refused. */
  async repeatOf(idempotencyKey: string, requestHash: string): Promise<EnrolmentReply | undefined> {
    const change = await this.em.fork().findOne(EnrolmentChange, { idempotencyKey });
    if (!change) {
      return undefined;
    }
    if (change.requestHash !== requestHash) {
      throw PaymentError.keyReused();
    }
    return this.reply(change.enrolmentId);
  }
}
