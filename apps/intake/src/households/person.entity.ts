import { ArrayType, Entity, Index, Property, Unique } from '@mikro-orm/core';

import { BaseEntity } from '@app/platform';

/** A person, once, by ID number. Names are searched through `nameGrams` (GIN index). */
@Entity({ tableName: 'person' })
export class Person extends BaseEntity {
  @Unique()
  @Property({ length: 18 })
  idNumber: string;

  /** CITIZEN, RESIDENCE_PERMIT or FOREIGN_PERMANENT_RESIDENCE. */
  @Property({ length: 32 })
  idKind: string;

  @Index()
  @Property({ length: 50 })
  name: string;

  @Index({ type: 'gin' })
  @Property({ type: ArrayType })
  nameGrams: string[];

  @Property({ length: 1 })
  sex: string;

  @Property({ type: 'date' })
  birthDate: string;
}
