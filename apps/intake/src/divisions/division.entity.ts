import { Entity, Index, Property, Unique } from '@mikro-orm/core';

import { BaseEntity } from '@app/platform';

/**
 * An administrative division, versioned: a code's name or parent may change from a date, and a later code list
 * loads as new versions (valid_from/valid_to, successor) without breaking records filed under the old one.
 */
@Entity({ tableName: 'division' })
@Unique({ properties: ['code', 'validFrom'] })
export class Division extends BaseEntity<'validTo' | 'successorCode'> {
  @Index()
  @Property({ length: 12 })
  code: string;

  @Property({ length: 100 })
  name: string;

  @Property({ length: 12, nullable: true })
  parentCode: string | null;

  /** 1 province … 5 community/village. */
  @Property({ type: 'smallint' })
  level: number;

  @Property({ length: 8 })
  urbanRural: string;

  @Property({ type: 'date' })
  validFrom: string;

  @Property({ type: 'date', nullable: true })
  validTo?: string;

  @Property({ length: 12, nullable: true })
  successorCode?: string;
}
