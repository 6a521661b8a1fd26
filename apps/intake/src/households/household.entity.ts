import { Entity, Property, Unique } from '@mikro-orm/core';

import { BaseEntity } from '@app/platform';

/**
 * A dibao assessment household, for now identified by its head's ID number. The registry issue grows this
 * into households with members, relationships and the hukou household beside it.
 */
@Entity({ tableName: 'household' })
export class Household extends BaseEntity {
  @Unique()
  @Property({ length: 18 })
  headIdNumber: string;

  @Property({ length: 50 })
  headName: string;

  /** Community (12 digits) the household lives in. */
  @Property({ length: 12 })
  divisionCode: string;
}
