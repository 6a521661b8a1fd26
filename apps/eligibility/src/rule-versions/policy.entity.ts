import { Entity, Index, Property } from '@mikro-orm/core';

import type { Policy as PolicyRules } from '@app/domain';
import { BaseEntity } from '@app/platform';

/** The calculation policy of a jurisdiction over a period: method, supplements, floor, rounding, asset limits. */
@Entity({ tableName: 'policy' })
@Index({ properties: ['divisionCode', 'effectiveFrom'] })
@Index({
  name: 'policy_no_overlap',
  expression: `alter table "eligibility"."policy" add constraint "policy_no_overlap" exclude using gist ("division_code" with =, daterange("effective_from", "effective_to", '[]') with &&)`,
})
export class Policy extends BaseEntity<'effectiveTo' | 'note' | 'idempotencyKey' | 'createdBy'> {
  @Property({ length: 6 })
  divisionCode: string;

  @Property({ type: 'date' })
  effectiveFrom: string;

  @Property({ type: 'date', nullable: true })
  effectiveTo?: string;

  /** Everything `assessHousehold` needs except the id. */
  @Property({ type: 'json' })
  rules: Omit<PolicyRules, 'id'>;

  @Property({ length: 300, nullable: true })
  note?: string;

  @Property({ length: 128, nullable: true, unique: true })
  idempotencyKey?: string;

  @Property({ length: 64, nullable: true })
  createdBy?: string;
}
