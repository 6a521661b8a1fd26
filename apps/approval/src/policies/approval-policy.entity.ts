import { Entity, Index, Property } from '@mikro-orm/core';

import type { ApprovalPolicy } from '@app/contracts';
import { BaseEntity } from '@app/platform';

/** The approval procedure of a province, prefecture or county over a period (the most specific applies). */
@Entity({ tableName: 'approval_policy' })
@Index({ properties: ['divisionCode', 'effectiveFrom'] })
export class ApprovalPolicyRow extends BaseEntity<'effectiveTo' | 'note'> {
  @Property({ length: 6 })
  divisionCode: string;

  @Property({ type: 'date' })
  effectiveFrom: string;

  @Property({ type: 'date', nullable: true })
  effectiveTo?: string;

  @Property({ type: 'json' })
  rules: Omit<ApprovalPolicy, 'id' | 'divisionCode'>;

  @Property({ length: 300, nullable: true })
  note?: string;
}
