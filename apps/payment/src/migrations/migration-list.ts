import type { MigrationObject } from '@mikro-orm/core';

import { Migration20261126140000_payment_schema } from './Migration20261126140000_payment_schema';
import { Migration20261126211546_payroll } from './Migration20261126211546_payroll';
import { Migration20261127070000_payroll_chunks } from './Migration20261127070000_payroll_chunks';
import { Migration20261127100000_enrolment_household_index } from './Migration20261127100000_enrolment_household_index';
import { Migration20261128150000_enrolment_change_document } from './Migration20261128150000_enrolment_change_document';
import { Migration20261128160000_enrolment_reviews } from './Migration20261128160000_enrolment_reviews';
import { Migration20261128180000_review_reason } from './Migration20261128180000_review_reason';
import { Migration20261128200000_gradual_exit } from './Migration20261128200000_gradual_exit';
import { Migration20261129100000_payee_change } from './Migration20261129100000_payee_change';
import { Migration20261130130000_payee_hold } from './Migration20261130130000_payee_hold';
import { Migration20261130170000_recoveries } from './Migration20261130170000_recoveries';

/** Every migration of this service, in order. Add each new migration here (a test checks none is missing). */
export const migrationList: MigrationObject[] = [
  { name: 'Migration20261126140000_payment_schema', class: Migration20261126140000_payment_schema },
  { name: 'Migration20261126211546_payroll', class: Migration20261126211546_payroll },
  { name: 'Migration20261127070000_payroll_chunks', class: Migration20261127070000_payroll_chunks },
  {
    name: 'Migration20261127100000_enrolment_household_index',
    class: Migration20261127100000_enrolment_household_index,
  },
  {
    name: 'Migration20261128150000_enrolment_change_document',
    class: Migration20261128150000_enrolment_change_document,
  },
  { name: 'Migration20261128160000_enrolment_reviews', class: Migration20261128160000_enrolment_reviews },
  { name: 'Migration20261128180000_review_reason', class: Migration20261128180000_review_reason },
  { name: 'Migration20261128200000_gradual_exit', class: Migration20261128200000_gradual_exit },
  { name: 'Migration20261129100000_payee_change', class: Migration20261129100000_payee_change },
  { name: 'Migration20261130130000_payee_hold', class: Migration20261130130000_payee_hold },
  { name: 'Migration20261130170000_recoveries', class: Migration20261130170000_recoveries },
];
