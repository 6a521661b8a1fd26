import { Entity, Index, Property } from '@mikro-orm/core';

import type { ApprovalPolicy } from '@app/contracts';
import { BaseEntity } from '@app/platform';

/**
 * The approval procedure of a province, prefecture or county over a period (the most specific applies). A version
 * never changes, except that the next one closes it (effectiveTo, closedBy); periods of a division never overlap
 * (an exclusion constraint, made by migration and named here for the diff).
 */
@Entity({ tableName: 'approval_policy' })
@Index({ properties: ['divisionCode', 'effectiveFrom'] })
@Index({
  name: 'approval_policy_no_overlap',
  expression: `alter table "approval"."approval_policy" add constraint "approval_policy_no_overlap" exclude using gist ("division_code" with =, daterange("effective_from", "effective_to", '[]') with &&)`,
})
export class ApprovalPolicyRow extends BaseEntity<
  'effectiveTo' | 'note' | 'idempotencyKey' | 'reason' | 'createdBy' | 'closedBy'
> {
  @Property({ length: 6 })
  divisionCode: string;

  @Property({ type: 'date' })
  effectiveFrom: string;

  /** Last day in force (inclusive); null: until a later version closes it. */
  @Property({ type: 'date', nullable: true })
  effectiveTo?: string;

  @Property({ type: 'json' })
  rules: Omit<ApprovalPolicy, 'id' | 'divisionCode'>;

  @Property({ length: 300, nullable: true })
  note?: string;

  /** The publisher's key: one key, one version (null for versions seeded by the system). */
  @Property({ length: 128, nullable: true, unique: true })
  idempotencyKey?: string;

  /** The decision the version comes from (document number, meeting). */
  @Property({ length: 300, nullable: true })
  reason?: string;

  @Property({ length: 100, nullable: true })
  createdBy?: string;

  /** Who published the version that closed this one. */
  @Property({ length: 100, nullable: true })
  closedBy?: string;
}
