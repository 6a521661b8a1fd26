import { Entity, Index, Property } from '@mikro-orm/core';

import type { ReviewInterval } from '@app/domain';
import { BaseEntity } from '@app/platform';

export type EnrolmentStatus = 'ACTIVE' | 'SUSPENDED' | 'TERMINATED';

/**
 * A household enrolled for monthly payment by the county's confirmation. At most one open (not terminated)
 * enrolment per household — a partial unique index, created by migration and named here for the diff.
 */
@Entity({ tableName: 'enrolment' })
@Index({
  name: 'enrolment_one_open_per_household',
  expression: `create unique index "enrolment_one_open_per_household" on "payment"."enrolment" ("household_id") where "status" <> 'TERMINATED'`,
})
@Index({ properties: ['divisionCode'] })
// A household's enrolments, newest first (its dossier's benefit); the partial index above holds only open ones.
@Index({ properties: ['householdId', 'createdAt'] })
// Periodic reviews falling due in an area.
@Index({ properties: ['nextReviewOn'] })
export class Enrolment extends BaseEntity<
  | 'applicationId'
  | 'lastMonth'
  | 'reviewIntervalMonths'
  | 'lastReviewedOn'
  | 'nextReviewReason'
  | 'payeeHeldSince'
  | 'payeeHoldReason'
> {
  @Property({ length: 200, unique: true })
  idempotencyKey: string;

  @Property({ type: 'uuid' })
  householdId: string;

  @Property({ type: 'uuid', nullable: true })
  applicationId?: string;

  /** The community (12 digits). */
  @Property({ length: 12 })
  divisionCode: string;

  @Property({ length: 100 })
  headName: string;

  @Property({ length: 18 })
  headIdNumber: string;

  @Property({ length: 16 })
  bankCode: string;

  @Property({ length: 30 })
  accountNo: string;

  @Property({ length: 16 })
  status: EnrolmentStatus;

  /** First day of the first month paid. */
  @Property({ type: 'date' })
  firstMonth: string;

  /** First day of the last month paid, once terminated. */
  @Property({ type: 'date', nullable: true })
  lastMonth?: string;

  @Property({ length: 64 })
  createdBy: string;

  /** Months between periodic reviews (定期核查): 12, or 6 with a member able to work. */
  @Property({ type: 'smallint', default: 12 })
  reviewIntervalMonths: ReviewInterval = 12;

  /** When the next periodic review falls due; null once terminated. */
  @Property({ type: 'date', nullable: true })
  nextReviewOn: string | null;

  /** Why the next review is due sooner than the cycle (a change in the household); null: the regular cycle. */
  @Property({ length: 100, nullable: true })
  nextReviewReason?: string | null;

  @Property({ type: 'date', nullable: true })
  lastReviewedOn?: string;

  /**
   * Since when the benefit's card cannot receive (the bank failed a line to it: holder deceased, account closed or
   * not found): the months from then on are written as HELD lines, sent to no bank, until the payee is changed.
   */
  @Property({ type: 'date', nullable: true })
  payeeHeldSince?: string | null;

  /** Why, in staff words, e.g. 银行反馈持卡人已身故（2026-11-20）. */
  @Property({ length: 100, nullable: true })
  payeeHoldReason?: string | null;
}
