import { Check, Entity, Index, Property } from '@mikro-orm/core';

import type { RecoveryKind, RecoveryStatus } from '@app/contracts';
import { BaseEntity } from '@app/platform';

/**
 * Money a benefit paid for months not owed, ordered back by the county (追回), with its filed decision. Only what is
 * repaid changes it (`repaidFen`, `status`); the amounts are fixed when it is decided. No month of a household is
 * recovered twice (checked under the enrolment's lock).
 */
@Entity({ tableName: 'recovery' })
// Never more repaid than owed, whatever a request says.
@Check({ name: 'recovery_repaid_check', expression: 'repaid_fen >= 0 and repaid_fen <= principal_fen + fine_fen' })
@Index({ properties: ['divisionCode', 'decidedAt'] })
@Index({ properties: ['householdId', 'fromMonth'] })
export class Recovery extends BaseEntity<'status' | 'repaidFen'> {
  @Property({ length: 200, unique: true })
  idempotencyKey: string;

  @Property({ length: 64 })
  requestHash: string;

  @Property({ type: 'uuid' })
  enrolmentId: string;

  @Property({ type: 'uuid' })
  householdId: string;

  @Property({ length: 12 })
  divisionCode: string;

  @Property({ length: 16 })
  kind: RecoveryKind;

  @Property({ type: 'date' })
  fromMonth: string;

  @Property({ type: 'date' })
  toMonth: string;

  @Property({ type: 'integer' })
  paidMonths: number;

  @Property({ type: 'integer' })
  principalFen: number;

  @Property({ type: 'integer' })
  fineFen: number;

  @Property({ type: 'integer' })
  repaidFen: number = 0;

  @Property({ length: 12 })
  status: RecoveryStatus = 'OUTSTANDING';

  @Property({ length: 100 })
  decision: string;

  @Property({ length: 500 })
  reason: string;

  @Property({ type: 'uuid' })
  documentId: string;

  @Property({ length: 100 })
  decidedBy: string;

  @Property({ type: 'timestamptz' })
  decidedAt: Date;
}

/** Money repaid against a recovery, with its receipt. Append-only (trigger). */
@Entity({ tableName: 'recovery_repayment' })
@Index({ properties: ['recoveryId'] })
export class RecoveryRepayment extends BaseEntity {
  @Property({ length: 200, unique: true })
  idempotencyKey: string;

  @Property({ length: 64 })
  requestHash: string;

  @Property({ type: 'uuid' })
  recoveryId: string;

  @Property({ type: 'integer' })
  amountFen: number;

  @Property({ type: 'date' })
  receivedOn: string;

  @Property({ length: 60 })
  receiptNo: string;

  @Property({ length: 100 })
  recordedBy: string;
}
