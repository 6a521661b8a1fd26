import { Check, Entity, Index, Property } from '@mikro-orm/core';

import { BaseEntity } from '@app/platform';

/**
 * What an enrolment pays from one month until the next change: state and amount. Terms of one enrolment never
 * overlap (exclusion constraint); the payroll selects the term covering the month with one set-based statement.
 */
@Entity({ tableName: 'enrolment_term' })
@Check({
  name: 'enrolment_term_amount_check',
  expression: 'base_fen >= 0 and supplement_fen >= 0 and (to_month is null or to_month > from_month)',
})
@Index({ properties: ['enrolmentId', 'fromMonth'] })
@Index({
  name: 'enrolment_term_no_overlap',
  expression: `alter table "payment"."enrolment_term" add constraint "enrolment_term_no_overlap" exclude using gist ("enrolment_id" with =, daterange("from_month", "to_month", '[)') with &&)`,
})
export class EnrolmentTerm extends BaseEntity<'toMonth'> {
  @Property({ type: 'uuid' })
  enrolmentId: string;

  /** First day of the first month of the term. */
  @Property({ type: 'date' })
  fromMonth: string;

  /** First day of the month after the term (exclusive); null: open. */
  @Property({ type: 'date', nullable: true })
  toMonth?: string | null;

  @Property({ length: 16 })
  state: 'ACTIVE' | 'SUSPENDED';

  @Property({ type: 'integer' })
  baseFen: number;

  @Property({ type: 'integer' })
  supplementFen: number;

  /** The change that opened this term. */
  @Property({ type: 'uuid' })
  changeId: string;
}
