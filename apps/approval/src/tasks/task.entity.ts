import { Entity, Index, Property, Unique } from '@mikro-orm/core';

import type { DecisionReply, DecisionStage, TaskPurpose, TaskRequirement } from '@app/contracts';
import { BaseEntity } from '@app/platform';

/**
 * One stage of one application waiting for (or having had) a decision: the staff inbox. Kept current by the
 * chain's activities; never read from Temporal's visibility API.
 */
@Entity({ tableName: 'task' })
@Unique({ properties: ['workflowId', 'stage', 'purpose', 'attempt'] })
@Index({ properties: ['status', 'stage', 'divisionCode'] })
/** The decisions of a period (supervision figures). */
@Index({ properties: ['decidedAt'] })
export class Task extends BaseEntity<
  | 'dueDate'
  | 'calendarMissingYear'
  | 'overallDueDate'
  | 'overallCalendarMissingYear'
  | 'escalatedAt'
  | 'claimedBy'
  | 'claimedAt'
  | 'outcome'
  | 'opinion'
  | 'decidedBy'
  | 'decidedAt'
  | 'documentId'
  | 'status'
  | 'decisionKey'
  | 'decisionReply'
  | 'purpose'
  | 'requirements'
> {
  @Property({ type: 'uuid' })
  applicationId: string;

  @Property({ length: 40 })
  applicationNo: string;

  @Index()
  @Property({ type: 'uuid' })
  householdId: string;

  /** The application's community (12 digits); the stage's division is its prefix. */
  @Property({ length: 12 })
  divisionCode: string;

  @Property({ length: 200 })
  workflowId: string;

  @Property({ length: 16 })
  stage: DecisionStage;

  /** A decision on the application, or serving its refusal or termination notice. */
  @Property({ length: 16, default: 'DECISION' })
  purpose: TaskPurpose = 'DECISION';

  @Property({ length: 32 })
  role: string;

  @Property()
  attempt: number;

  @Property({ length: 16 })
  status: 'OPEN' | 'DONE' | 'CANCELLED' = 'OPEN';

  @Property({ type: 'timestamptz' })
  openedAt: Date;

  @Property({ type: 'date', nullable: true })
  dueDate?: string;

  @Property({ nullable: true })
  calendarMissingYear?: number;

  /** The last working day of the application's overall limit (30/45 working days from acceptance), if tracked. */
  @Property({ type: 'date', nullable: true })
  overallDueDate?: string;

  /** The year whose holiday calendar the overall due date waits for (null once known, or if not tracked). */
  @Property({ nullable: true })
  overallCalendarMissingYear?: number;

  /** What a decision must carry besides the opinion, and why: fixed by the chain when the task opens. */
  @Property({ type: 'json', default: "'[]'" })
  requirements: TaskRequirement[] = [];

  @Property({ type: 'timestamptz', nullable: true })
  escalatedAt?: Date;

  /** Who signed for it (签收): only they decide it until they give it back. */
  @Property({ length: 100, nullable: true })
  claimedBy?: string;

  @Property({ type: 'timestamptz', nullable: true })
  claimedAt?: Date;

  @Property({ length: 16, nullable: true })
  outcome?: string;

  @Property({ type: 'text', nullable: true })
  opinion?: string;

  @Property({ length: 100, nullable: true })
  decidedBy?: string;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date;

  @Property({ type: 'uuid', nullable: true })
  documentId?: string;

  /** The staff's idempotency key of the decision and what it answered, so a repeat returns the same. */
  @Property({ length: 128, nullable: true })
  decisionKey?: string;

  @Property({ type: 'json', nullable: true })
  decisionReply?: DecisionReply;
}
