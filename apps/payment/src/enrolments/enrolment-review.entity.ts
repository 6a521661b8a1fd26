import { Entity, Index, Property } from '@mikro-orm/core';

import type { ReviewFinding } from '@app/contracts';
import type { ReviewInterval } from '@app/domain';
import { BaseEntity } from '@app/platform';

/** A periodic review (定期核查) of an enrolled household: what was found, its filed record, the cycle after it. */
@Entity({ tableName: 'enrolment_review' })
@Index({ properties: ['enrolmentId', 'reviewedOn'] })
export class EnrolmentReview extends BaseEntity {
  @Property({ length: 200, unique: true })
  idempotencyKey: string;

  @Property({ type: 'uuid' })
  enrolmentId: string;

  @Property({ type: 'date' })
  reviewedOn: string;

  @Property({ length: 16 })
  finding: ReviewFinding;

  @Property({ length: 1000 })
  summary: string;

  /** Months to the next review, from this one. */
  @Property({ type: 'smallint' })
  intervalMonths: ReviewInterval;

  @Property({ length: 64 })
  actorId: string;

  @Property({ length: 100 })
  actorName: string;

  /** 定期核查记录 filed into the household file before this row was written. */
  @Property({ type: 'uuid' })
  documentId: string;

  @Property({ length: 64 })
  requestHash: string;
}
