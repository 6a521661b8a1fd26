import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { REVIEW_INTERVALS, type ReviewInterval } from '@app/domain';

import { REVIEW_FINDINGS, type ReviewFinding } from './enrolment-review.reply';
import { IsDivisionCode } from '../common/division-code.validator';
import { IsIdempotencyKey } from '../common/idempotency-key.validator';
import { IsCalendarDate } from '../common/identity.validators';
import { PageRequest } from '../common/page.request';

export {
  type ListReviewsDueReply,
  REVIEW_FINDINGS,
  REVIEW_FINDING_LABELS,
  type ReviewDueItem,
  type ReviewFinding,
  type ReviewReply,
} from './enrolment-review.reply';

/**
 * A periodic review (定期核查) of an enrolled household, recorded by the county: what was found, filed into the
 * household file (定期核查记录), and when the next one is due. A change it calls for is made as a change.
 */
export class RecordReviewRequest {
  @IsIdempotencyKey()
  idempotencyKey: string;

  @IsUUID('4', { message: '待遇编号格式不正确' })
  enrolmentId: string;

  /** The day the household was reviewed (Beijing); not in the future. */
  @IsCalendarDate({ message: '核查日期应为存在的日期，格式YYYY-MM-DD' })
  reviewedOn: string;

  @IsIn(REVIEW_FINDINGS, { message: '核查结论只能是NO_CHANGE（无变化）或CHANGE_NEEDED（需变更待遇）' })
  finding: ReviewFinding;

  /** What was checked and found (income, members, assets, living conditions). */
  @IsString()
  @IsNotEmpty({ message: '请填写核查情况' })
  @MaxLength(1000, { message: '核查情况不能超过1000个字符' })
  summary: string;

  /** The cycle from now on, when the review changes it (e.g. a member found able to work: 6). */
  @IsOptional()
  @IsIn(REVIEW_INTERVALS, { message: '核查周期只能是6或12个月' })
  intervalMonths?: ReviewInterval;
}

/** Enrolled households whose periodic review falls due by a day, in the caller's area (or one part of it). */
export class ListReviewsDueRequest extends PageRequest {
  @IsCalendarDate({ message: 'reviewDueBy 应为YYYY-MM-DD格式的日期' })
  reviewDueBy: string;

  @IsOptional()
  @IsDivisionCode()
  divisionCode?: string;
}

/**
 * A change in the household (a member died, left or joined) calls for a review sooner than the cycle: the next
 * review of its open enrolment falls due by `dueBy` at the latest (domain §3.2: a death, within three months).
 * An earlier due day stands. Sent by intake as the system while it records the change.
 */
export class BringReviewForwardRequest {
  @IsUUID('4', { message: '家庭编号格式不正确' })
  householdId: string;

  @IsCalendarDate({ message: 'dueBy 应为YYYY-MM-DD格式的日期' })
  dueBy: string;

  /** Why, in Chinese, for the list of reviews due: e.g. 家庭成员死亡（2026-11-20）. */
  @IsString()
  @IsNotEmpty({ message: '请说明提前核查的原因' })
  @MaxLength(100)
  reason: string;
}

export interface BringReviewForwardReply {
  /** The household's open enrolment; null when it has none (nothing to review). */
  enrolmentId: string | null;
  nextReviewOn: string | null;
  /** Why the next review is due when it is (null: the regular cycle). */
  nextReviewReason: string | null;
  /** False when the review was due by then already. */
  broughtForward: boolean;
}
