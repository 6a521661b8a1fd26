import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';

import {
  type ApplicationDetails,
  APPLICATION_STATUSES,
  type ApplicationStatus,
  type DataCheckRecheck,
  type DeclaredMeans,
  type MaterialsNotice,
} from '@app/contracts';
import { BaseEntity } from '@app/platform';

import { Household } from '../households/household.entity';

@Entity({ tableName: 'application' })
/** The register: an area (a division-code prefix, hence pattern ops), newest first. */
@Index({
  name: 'application_division_code_created_at_index',
  expression:
    'create index "application_division_code_created_at_index" on "intake"."application" ("division_code" varchar_pattern_ops, "created_at" desc)',
})
export class Application extends BaseEntity<
  'status' | 'workflowStartedAt' | 'submittedAt' | 'conflictOfInterest' | 'rechecks'
> {
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

  @Index()
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

  /** When it was submitted; null while a draft. */
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date;

  /** What the household declared: incomes, deductions, assets, payment account, consent. */
  @Property({ type: 'json', nullable: true })
  details?: ApplicationDetails;

  /** Close relative of a caseworker or committee member: registered and filed separately, home visit at county. */
  @Property({ type: 'boolean' })
  conflictOfInterest: boolean = false;

  @Property({ length: 500, nullable: true })
  withdrawnReason?: string;

  /** The one-time notice of missing materials, once given (and the key it was given under, for a repeat). */
  @Property({ type: 'json', nullable: true })
  materialsNotice?: MaterialsNotice & { idempotencyKey: string };

  /**
   * Re-checks of a disputed data check (核对结果复查), oldest first: each with the means before and after it in full,
   * its key and the hash of its request (for a repeat).
   */
  @Property({ type: 'json', default: "'[]'" })
  rechecks: StoredRecheck[] = [];

  /**
   * A decision made again after a reconsideration or court case (重新作出决定): the case, and the refused or
   * terminated application this one was copied from. Its chain goes straight to the county.
   */
  @Property({ type: 'json', nullable: true })
  redecision?: { appealId: string; previousApplicationId: string } | null;
}

/** A re-check as kept: the means in full (the reply and the record print their summaries). */
export interface StoredRecheck extends Omit<DataCheckRecheck, 'meansBefore' | 'meansAfter'> {
  means: { before: DeclaredMeans; after: DeclaredMeans };
  idempotencyKey: string;
  requestHash: string;
}
