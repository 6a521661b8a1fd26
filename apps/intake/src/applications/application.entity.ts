import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/core';

import { APPLICATION_STATUSES, type ApplicationStatus } from '@app/contracts';
import { BaseEntity } from '@app/platform';

import { Household } from '../households/household.entity';

@Entity({ tableName: 'application' })
export class Application extends BaseEntity<'status' | 'workflowStartedAt' | 'submittedAt'> {
  /** Human reference, unique: SQ-<county>-<year>-<6-digit sequence>. */
  @Unique()
  @Property({ length: 32 })
  applicationNo: string;

  /** The submitter's idempotency key: one key, one application. */
  @Unique()
  @Property({ length: 128 })
  idempotencyKey: string;

  /** sha256 of the submitted payload, to refuse a reused key with a different payload. */
  @Property({ length: 64 })
  requestHash: string;

  @ManyToOne(() => Household)
  household: Household;

  @Property({ length: 12 })
  divisionCode: string;

  @Property({ length: 50 })
  applicantName: string;

  @Property({ length: 18 })
  applicantIdNumber: string;

  @Property({ type: 'integer' })
  householdSize: number;

  @Property({ type: 'text' })
  reason: string;

  @Enum({ items: () => [...APPLICATION_STATUSES] })
  status: ApplicationStatus = 'SUBMITTED';

  @Property({ length: 200 })
  workflowId: string;

  /** Set once the approval workflow is known to be started; until then a retry starts it. */
  @Property({ type: 'timestamptz', nullable: true })
  workflowStartedAt?: Date;

  @Property({ type: 'timestamptz' })
  submittedAt: Date = new Date();
}
