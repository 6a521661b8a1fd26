import { Entity, Index, Property } from '@mikro-orm/core';

import { BaseEntity } from '@app/platform';

/** Every change of an enrolment with the decision that caused it, who recorded it and why. Append-only. */
@Entity({ tableName: 'enrolment_change' })
@Index({ properties: ['enrolmentId', 'createdAt'] })
export class EnrolmentChange extends BaseEntity<
  'reason' | 'baseFen' | 'supplementFen' | 'documentId' | 'gradualExitMonths' | 'payee'
> {
  @Property({ length: 200, unique: true })
  idempotencyKey: string;

  @Property({ type: 'uuid' })
  enrolmentId: string;

  @Property({ length: 16 })
  kind: 'ENROL' | 'AMOUNT' | 'SUSPEND' | 'RESUME' | 'TERMINATE' | 'ACCOUNT';

  @Property({ type: 'date' })
  effectiveMonth: string;

  @Property({ type: 'integer', nullable: true })
  baseFen?: number;

  @Property({ type: 'integer', nullable: true })
  supplementFen?: number;

  @Property({ length: 200 })
  decision: string;

  @Property({ length: 300, nullable: true })
  reason?: string;

  @Property({ length: 64 })
  actorId: string;

  @Property({ length: 100 })
  actorName: string;

  /** The decision filed into the household file (日常管理类) before the change was recorded; none for ENROL. */
  @Property({ type: 'uuid', nullable: true })
  documentId?: string;

  /** A stop after a gradual exit (渐退): the months paid on before `effectiveMonth`. */
  @Property({ type: 'smallint', nullable: true })
  gradualExitMonths?: number | null;

  /** ACCOUNT (收款账户变更): who was paid into which account, before and after. */
  @Property({ type: 'jsonb', nullable: true })
  payee?: { before: Payee; after: Payee } | null;

  /** Hash of the request, to tell a repeat from a reused key. */
  @Property({ length: 64 })
  requestHash: string;
}

/** The holder of the account a benefit is paid into (the head, for a per-household benefit) and the account. */
export interface Payee {
  headName: string;
  headIdNumber: string;
  bankCode: string;
  accountNo: string;
}
