import { Entity, Index, Property } from '@mikro-orm/core';

import type { MemberChangeKind, MemberChangeReason } from '@app/contracts';
import { BaseEntity } from '@app/platform';

/** A change in a household's members (家庭成员变动) as reported and recorded: who, why, when, by whom. */
@Entity({ tableName: 'household_change' })
@Index({ properties: ['householdId', 'occurredOn'] })
export class HouseholdChange extends BaseEntity<'note' | 'documentId' | 'nextReviewOn' | 'newHeadPersonId'> {
  @Property({ length: 128, unique: true })
  idempotencyKey: string;

  @Property({ length: 64 })
  requestHash: string;

  @Property({ type: 'uuid' })
  householdId: string;

  /** The member who left or joined. */
  @Property({ type: 'uuid' })
  personId: string;

  @Property({ length: 8 })
  kind: MemberChangeKind;

  @Property({ length: 16 })
  reason: MemberChangeReason;

  @Property({ type: 'date' })
  occurredOn: string;

  @Property({ length: 300, nullable: true })
  note?: string;

  @Property({ length: 64 })
  actorId: string;

  @Property({ length: 100 })
  actorName: string;

  /** 家庭成员变动登记表 filed into the household file; null when the household has no application yet. */
  @Property({ type: 'uuid', nullable: true })
  documentId?: string | null;

  /** The open benefit's next review after the change; null without a benefit. */
  @Property({ type: 'date', nullable: true })
  nextReviewOn?: string | null;

  /** The head leaving: the member who heads the household since (变更户主). */
  @Property({ type: 'uuid', nullable: true })
  newHeadPersonId?: string | null;
}
