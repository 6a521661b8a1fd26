import { Entity, Index, Property } from '@mikro-orm/core';

import { BaseEntity } from '@app/platform';

/** A local dibao standard (低保标准) per person, for a prefecture or county, urban or rural, over a period. */
@Entity({ tableName: 'standard' })
@Index({ properties: ['divisionCode', 'urbanRural', 'effectiveFrom'] })
export class Standard extends BaseEntity<'effectiveTo' | 'note'> {
  /** Prefecture (4 digits) or county (6 digits). The most specific one covering a household applies. */
  @Property({ length: 6 })
  divisionCode: string;

  @Property({ length: 8 })
  urbanRural: 'URBAN' | 'RURAL';

  @Property({ type: 'date' })
  effectiveFrom: string;

  @Property({ type: 'date', nullable: true })
  effectiveTo?: string;

  @Property({ type: 'bigint' })
  amountFen: number;

  @Property({ length: 8 })
  period: 'MONTH' | 'YEAR';

  /** Where the figure comes from (e.g. "demo data: 2024 Jilin minimum guiding standard, tier 1"). */
  @Property({ length: 300, nullable: true })
  note?: string;
}
