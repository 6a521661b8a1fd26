import { Entity, Index, Property } from '@mikro-orm/core';

import type { Policy as PolicyRules } from '@app/domain';
import { BaseEntity } from '@app/platform';

/** The calculation policy of a jurisdiction over a period: method, supplements, floor, rounding, asset limits. */
@Entity({ tableName: 'policy' })
@Index({ properties: ['divisionCode', 'effectiveFrom'] })
export class Policy extends BaseEntity<'effectiveTo'> {
  @Property({ length: 6 })
  divisionCode: string;

  @Property({ type: 'date' })
  effectiveFrom: string;

  @Property({ type: 'date', nullable: true })
  effectiveTo?: string;

  /** Everything `assessHousehold` needs except the id. */
  @Property({ type: 'json' })
  rules: Omit<PolicyRules, 'id'>;
}
