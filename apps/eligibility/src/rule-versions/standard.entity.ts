import { Entity, Index, Property } from '@mikro-orm/core';

import { BaseEntity } from '@app/platform';

/** A local dibao standard (低保标准) per person, for a prefecture or county, urban or rural, over a period. */
@Entity({ tableName: 'standard' })
@Index({ properties: ['divisionCode', 'urbanRural', 'effectiveFrom'] })
// Periods of the same key never overlap (effective_to inclusive); created by migration, named here for the diff.
@Index({
  name: 'standard_no_overlap',
  expression: `alter table "eligibility"."standard" add constraint "standard_no_overlap" exclude using gist ("division_code" with =, "urban_rural" with =, daterange("effective_from", "effective_to", '[]') with &&)`,
})
export class Standard extends BaseEntity<'effectiveTo' | 'note' | 'idempotencyKey' | 'createdBy'> {
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

  /** The administrator's key (demo seeds: none). */
  @Property({ length: 128, nullable: true, unique: true })
  idempotencyKey?: string;

  @Property({ length: 64, nullable: true })
  createdBy?: string;
}
