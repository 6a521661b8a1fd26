import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';

import {
  type BringReviewForwardReply,
  type BringReviewForwardRequest,
  type EnrolmentReply,
  type ListReviewsDueReply,
  type ListReviewsDueRequest,
  PERMISSIONS,
  type RecordReviewRequest,
} from '@app/contracts';
import { addMonthsToDay, beijingDate, beijingMinute, maskIdNumber, requestContentHash } from '@app/domain';
import {
  AccessError,
  areaOf,
  assertAnyPermission,
  assertPermission,
  assertVisible,
  isSystemCaller,
  requireCaller,
} from '@app/platform';

import { EnrolmentReview } from './enrolment-review.entity';
import { Enrolment } from './enrolment.entity';
import { EnrolmentsService } from './enrolments.service';
import { HouseholdFilingService } from './household-filing.service';
import { PaymentError } from '../payment.errors';

const FINDING_LABELS = {
  NO_CHANGE: '家庭经济状况无明显变化，维持原保障待遇',
  CHANGE_NEEDED: '家庭情况发生变化，需变更保障待遇',
};

/** Periodic reviews (定期核查): recorded and filed, and the households whose review falls due. */
@Injectable()
export class EnrolmentReviewsService {
  constructor(
    private readonly em: EntityManager,
    private readonly enrolments: EnrolmentsService,
    private readonly filing: HouseholdFilingService,
  ) {}

  /**
   * Records a review: its record (定期核查记录) filed into the household file while the enrolment is locked, then
   * the review and the next due day (the review's day plus the cycle). Idempotent by key.
   */
  async record(request: RecordReviewRequest): Promise<EnrolmentReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.enrolmentChange);
    const em = this.em.fork();
    const enrolment = await em.findOne(Enrolment, { id: request.enrolmentId });
    assertVisible(caller, enrolment?.divisionCode);
    const requestHash = requestContentHash(request);
    const repeat = async () => {
      const earlier = await this.em.fork().findOne(EnrolmentReview, { idempotencyKey: request.idempotencyKey });
      if (earlier && earlier.requestHash !== requestHash) {
        throw PaymentError.keyReused();
      }
      return earlier ? this.enrolments.reply(earlier.enrolmentId, caller) : undefined;
    };
    const repeated = await repeat();
    if (repeated) {
      return repeated;
    }
    if (request.reviewedOn > beijingDate(new Date())) {
      throw PaymentError.reviewInFuture();
    }
    const applicationId = await this.filing.applicationOf(enrolment!);
    await em.transactional(async (tx) => {
      const locked = await tx.findOneOrFail(
        Enrolment,
        { id: request.enrolmentId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (await tx.findOne(EnrolmentReview, { idempotencyKey: request.idempotencyKey })) {
        return;
      }
      if (locked.status === 'TERMINATED') {
        throw PaymentError.terminated();
      }
      if (
        request.reviewedOn < locked.firstMonth ||
        (locked.lastReviewedOn && request.reviewedOn <= locked.lastReviewedOn)
      ) {
        throw PaymentError.reviewNotAfter(locked.lastReviewedOn ?? locked.firstMonth);
      }
      const interval = request.intervalMonths ?? locked.reviewIntervalMonths;
      const nextReviewOn = addMonthsToDay(request.reviewedOn, interval);
      const recordedAt = new Date();
      const document = await this.filing.file(locked, {
        applicationId,
        documentType: 'PERIODIC_REVIEW_RECORD',
        step: `periodic-review:${request.reviewedOn}`,
        requestKey: request.idempotencyKey,
        createdBy: caller.username,
        form: {
          title: '最低生活保障定期核查记录',
          fields: [
            { label: '户主', value: locked.headName },
            { label: '公民身份号码', value: maskIdNumber(locked.headIdNumber) },
            { label: '所在社区（村）', value: locked.divisionCode },
            { label: '核查日期', value: request.reviewedOn },
            { label: '应核查日期', value: locked.nextReviewOn ?? '—' },
            { label: '核查情况', value: request.summary },
            { label: '核查结论', value: FINDING_LABELS[request.finding] },
            { label: '核查周期', value: `${interval}个月` },
            { label: '下次核查日期', value: nextReviewOn },
            { label: '经办人', value: caller.username },
            { label: '经办单位（行政区划代码）', value: caller.divisionCode },
            { label: '记录时间', value: `${beijingMinute(recordedAt)}（北京时间）` },
          ],
          notes:
            request.finding === 'CHANGE_NEEDED' ? ['需变更的，由县级民政部门作出增发、减发或停发决定。'] : undefined,
          completedAt: recordedAt.toISOString(),
        },
      });
      tx.create(EnrolmentReview, {
        idempotencyKey: request.idempotencyKey,
        enrolmentId: locked.id,
        reviewedOn: request.reviewedOn,
        finding: request.finding,
        summary: request.summary,
        intervalMonths: interval,
        actorId: caller.userId,
        actorName: caller.username,
        documentId: document.id,
        requestHash,
      });
      locked.lastReviewedOn = request.reviewedOn;
      locked.reviewIntervalMonths = interval;
      locked.nextReviewOn = nextReviewOn;
      locked.nextReviewReason = null;
    });
    return (await repeat()) ?? this.enrolments.reply(request.enrolmentId, caller);
  }

  /**
   * A change in the household calls for a review by `dueBy` at the latest: the open enrolment's next review moves
   * to that day unless it falls due sooner already. One conditional statement, so repeating it changes nothing.
   */
  async bringForward(request: BringReviewForwardRequest): Promise<BringReviewForwardReply> {
    if (!isSystemCaller(requireCaller())) {
      throw AccessError.notVisible();
    }
    const em = this.em.fork();
    const [moved] = await em.execute<Array<{ id: string }>>(
      `update payment.enrolment set next_review_on = ?, next_review_reason = ?, updated_at = ?
        where household_id = ? and status <> 'TERMINATED' and (next_review_on is null or next_review_on > ?)
        returning id`,
      [request.dueBy, request.reason, new Date(), request.householdId, request.dueBy],
    );
    const open = await em.findOne(
      Enrolment,
      { householdId: request.householdId, status: { $ne: 'TERMINATED' } },
      { fields: ['id', 'nextReviewOn', 'nextReviewReason'] },
    );
    return {
      enrolmentId: open?.id ?? null,
      nextReviewOn: open?.nextReviewOn ?? null,
      nextReviewReason: open?.nextReviewReason ?? null,
      broughtForward: moved !== undefined,
    };
  }

  /** Open enrolments of the caller's area (or one part of it) due for review by a day, soonest first. */
  async due(request: ListReviewsDueRequest): Promise<ListReviewsDueReply> {
    const caller = requireCaller();
    assertAnyPermission(caller, [PERMISSIONS.enrolmentChange, PERMISSIONS.paymentRead]);
    const [rows, total] = await this.em.fork().findAndCount(
      Enrolment,
      {
        status: { $ne: 'TERMINATED' },
        nextReviewOn: { $lte: request.reviewDueBy },
        divisionCode: { $like: `${areaOf(caller, request.divisionCode)}%` },
      },
      { orderBy: { nextReviewOn: 'asc', id: 'asc' }, limit: request.limit ?? 50, offset: request.offset ?? 0 },
    );
    return {
      items: rows.map((row) => ({
        enrolmentId: row.id,
        householdId: row.householdId,
        divisionCode: row.divisionCode,
        headName: row.headName,
        headIdNumberMasked: maskIdNumber(row.headIdNumber),
        status: row.status as 'ACTIVE' | 'SUSPENDED',
        reviewIntervalMonths: row.reviewIntervalMonths,
        nextReviewOn: row.nextReviewOn!,
        nextReviewReason: row.nextReviewReason ?? null,
        lastReviewedOn: row.lastReviewedOn ?? null,
      })),
      total,
    };
  }
}
