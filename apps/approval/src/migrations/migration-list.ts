import type { MigrationObject } from '@mikro-orm/core';

import { Migration20261126140000_approval_schema } from './Migration20261126140000_approval_schema';
import { Migration20261126175310_inbox_calendar_policy } from './Migration20261126175310_inbox_calendar_policy';
import { Migration20261127010000_task_household_index } from './Migration20261127010000_task_household_index';
import { Migration20261127110000_policy_versions } from './Migration20261127110000_policy_versions';
import { Migration20261127130000_task_overall_due } from './Migration20261127130000_task_overall_due';
import { Migration20261128090000_task_purpose } from './Migration20261128090000_task_purpose';
import { Migration20261128120000_task_overall_calendar_missing } from './Migration20261128120000_task_overall_calendar_missing';
import { Migration20261128140000_task_decided_at_index } from './Migration20261128140000_task_decided_at_index';
import { Migration20261128170000_task_claim } from './Migration20261128170000_task_claim';
import { Migration20261130090000_task_requirements } from './Migration20261130090000_task_requirements';
import { Migration20261130160000_appeals } from './Migration20261130160000_appeals';
import { Migration20261130180000_appeal_status_derived } from './Migration20261130180000_appeal_status_derived';
import { Migration20261201100000_appeal_redecision } from './Migration20261201100000_appeal_redecision';

/** Every migration of this service, in order. Add each new migration here (a test checks none is missing). */
export const migrationList: MigrationObject[] = [
  { name: 'Migration20261126140000_approval_schema', class: Migration20261126140000_approval_schema },
  { name: 'Migration20261126175310_inbox_calendar_policy', class: Migration20261126175310_inbox_calendar_policy },
  { name: 'Migration20261127010000_task_household_index', class: Migration20261127010000_task_household_index },
  { name: 'Migration20261127110000_policy_versions', class: Migration20261127110000_policy_versions },
  { name: 'Migration20261127130000_task_overall_due', class: Migration20261127130000_task_overall_due },
  { name: 'Migration20261128090000_task_purpose', class: Migration20261128090000_task_purpose },
  {
    name: 'Migration20261128120000_task_overall_calendar_missing',
    class: Migration20261128120000_task_overall_calendar_missing,
  },
  { name: 'Migration20261128140000_task_decided_at_index', class: Migration20261128140000_task_decided_at_index },
  { name: 'Migration20261128170000_task_claim', class: Migration20261128170000_task_claim },
  { name: 'Migration20261130090000_task_requirements', class: Migration20261130090000_task_requirements },
  { name: 'Migration20261130160000_appeals', class: Migration20261130160000_appeals },
  {
    name: 'Migration20261130180000_appeal_status_derived',
    class: Migration20261130180000_appeal_status_derived,
  },
  { name: 'Migration20261201100000_appeal_redecision', class: Migration20261201100000_appeal_redecision },
];
