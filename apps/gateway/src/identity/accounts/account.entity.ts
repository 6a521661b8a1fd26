import { ArrayType, Entity, Index, Property, Unique } from '@mikro-orm/core';

import type { Role } from '@app/contracts';
import { BaseEntity } from '@app/platform';

/** A staff account. The password is stored only as an argon2id hash. */
@Entity({ tableName: 'account' })
export class Account extends BaseEntity<'active' | 'failedLogins' | 'lockedUntil' | 'lastLoginAt'> {
  @Unique()
  @Property({ length: 64 })
  username: string;

  @Property({ length: 100 })
  displayName: string;

  /** The division the account works for (2–12 digits); it sees this division and below. */
  @Index()
  @Property({ length: 12 })
  divisionCode: string;

  @Property({ type: ArrayType })
  roles: Role[];

  @Property({ length: 200, hidden: true })
  passwordHash: string;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'integer' })
  failedLogins: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  lastLoginAt?: Date;
}
