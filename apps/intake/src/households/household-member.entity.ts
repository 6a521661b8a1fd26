import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';

import type { HealthState, HukouType, RelationshipCode, SchoolingStage, WorkCapacity } from '@app/domain';
import { BaseEntity } from '@app/platform';

import { Household } from './household.entity';
import { Person } from './person.entity';

/**
 * A person's membership of an assessment household. A partial unique index (migration) lets a person be an
 * active member of one household only.
 */
@Entity({ tableName: 'household_member' })
@Unique({
  name: 'household_member_one_active',
  expression:
    'create unique index "household_member_one_active" on "intake"."household_member" ("person_id") where "active"',
})
export class HouseholdMember extends BaseEntity<'active' | 'disabilityGrade' | 'hukouHouseholdNo' | 'hukouType'> {
  @Index()
  @ManyToOne(() => Household)
  household: Household;

  @Index()
  @ManyToOne(() => Person)
  person: Person;

  /** GB/T 4761 relationship to the head; the head has 02. */
  @Property({ length: 2 })
  relationship: RelationshipCode;

  @Property({ type: 'boolean' })
  isHead: boolean;

  /** Disability certificate grade 1–4; null without one. */
  @Property({ type: 'smallint', nullable: true })
  disabilityGrade?: number;

  @Property({ length: 20 })
  health: HealthState;

  @Property({ length: 10 })
  workCapacity: WorkCapacity;

  @Property({ length: 20 })
  schooling: SchoolingStage;

  /** The member's own hukou household (户号) and type: the register household, kept beside the assessment one. */
  @Property({ length: 20, nullable: true })
  hukouHouseholdNo?: string;

  @Property({ length: 20, nullable: true })
  hukouType?: HukouType;

  /** False once the household ends or the member leaves it. */
  @Property({ type: 'boolean' })
  active: boolean = true;
}
