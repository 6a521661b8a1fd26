import { Collection, Entity, Index, OneToMany, Property, Unique } from '@mikro-orm/core';

import type { HouseholdStatus } from '@app/domain';
import { BaseEntity } from '@app/platform';

import { HouseholdMember } from './household-member.entity';

/**
 * A dibao assessment household (共同生活的家庭成员, domain §1.2) — not the hukou household: each member also
 * keeps their own hukou household number and type.
 */
@Entity({ tableName: 'household' })
export class Household extends BaseEntity<'status' | 'address' | 'idempotencyKey' | 'requestHash'> {
  /** Stable reference: HH-<community code>-<6-digit sequence>. */
  @Unique()
  @Property({ length: 32 })
  householdNo: string;

  /** Community (12 digits) the household lives in. */
  @Index()
  @Property({ length: 12 })
  divisionCode: string;

  @Property({ length: 16 })
  status: HouseholdStatus = 'APPLYING';

  @Property({ length: 200, nullable: true })
  address?: string;

  /** Set when the household was registered on its own (POST /households); one key, one household. */
  @Unique()
  @Property({ length: 128, nullable: true })
  idempotencyKey?: string;

  @Property({ length: 64, nullable: true })
  requestHash?: string;

  @OneToMany(() => HouseholdMember, (member) => member.household)
  members = new Collection<HouseholdMember>(this);
}
