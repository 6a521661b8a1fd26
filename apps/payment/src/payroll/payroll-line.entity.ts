import { Check, Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

import type { FailureCode, LineStatus } from '@app/contracts';

/**
 * One household's payment for one month. Written by set-based SQL, never row by row. A household is never paid
 * twice for one month: the unique constraint on (household, month) holds whatever the code does. Partitioned by
 * month (partitions in schema payment_ledger, made by the payroll as it first writes a month).
 */
@Entity({ tableName: 'payroll_line' })
@Check({
  name: 'payroll_line_amount_check',
  expression: 'base_fen >= 0 and supplement_fen >= 0 and amount_fen = base_fen + supplement_fen',
})
@Unique({ name: 'payroll_line_household_month_unique', properties: ['householdId', 'month'] })
@Index({ properties: ['batchId', 'id'] })
// Small partial indexes for what the payroll looks for. No index mentions status, bank reference or settled
// time, so recording a bank's payment updates the row in place (a HOT update, no index touched; each month's
// table keeps 45 % free space per page for it: fillfactor 55). Failed lines are found by their failure code.
@Index({
  name: 'payroll_line_failed_index',
  expression: `create index "payroll_line_failed_index" on "payment"."payroll_line" ("month") where "failure_code" is not null`,
})
@Index({
  name: 'payroll_line_unbatched_index',
  expression: `create index "payroll_line_unbatched_index" on "payment"."payroll_line" ("month") where "batch_id" is null`,
})
export class PayrollLine {
  /** The line's number for banks; unique on its own (one sequence), the key includes the partition's month. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id: number;

  /** The payroll month (its first day): the table is partitioned by it, one partition a month. */
  @PrimaryKey({ type: 'date' })
  month: string;

  @Property({ type: 'uuid' })
  enrolmentId: string;

  @Property({ type: 'uuid' })
  householdId: string;

  @Property({ length: 12 })
  divisionCode: string;

  @Property({ length: 16 })
  bankCode: string;

  @Property({ length: 30 })
  accountNo: string;

  @Property({ length: 100 })
  accountName: string;

  @Property({ type: 'integer' })
  baseFen: number;

  @Property({ type: 'integer' })
  supplementFen: number;

  @Property({ type: 'integer' })
  amountFen: number;

  @Property({ length: 12 })
  status: LineStatus;

  @Property({ length: 40, nullable: true })
  batchId?: string | null;

  @Property({ type: 'smallint', default: 1 })
  attempt: number;

  @Property({ length: 32, nullable: true })
  failureCode?: FailureCode | null;

  @Property({ length: 200, nullable: true })
  failureReason?: string | null;

  @Property({ length: 64, nullable: true })
  bankReference?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  settledAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date;
}
