import type { MigrationObject } from '@mikro-orm/core';

import { Migration20261126142618 } from './Migration20261126142618_applications';
import { Migration20261126145942_divisions } from './Migration20261126145942_divisions';
import { Migration20261126152650_households } from './Migration20261126152650_households';
import { Migration20261126154022_application_details } from './Migration20261126154022_application_details';
import { Migration20261126154429_attachments } from './Migration20261126154429_attachments';
import { Migration20261126160650_person_name_index } from './Migration20261126160650_person_name_index';
import { Migration20261126175608_application_review_statuses } from './Migration20261126175608_application_review_statuses';
import { Migration20261127010000_application_household_index } from './Migration20261127010000_application_household_index';
import { Migration20261127140000_application_terminated } from './Migration20261127140000_application_terminated';
import { Migration20261128100000_application_materials_notice } from './Migration20261128100000_application_materials_notice';
import { Migration20261128130000_application_register_index } from './Migration20261128130000_application_register_index';
import { Migration20261128190000_household_changes } from './Migration20261128190000_household_changes';
import { Migration20261129100000_household_change_new_head } from './Migration20261129100000_household_change_new_head';
import { Migration20261130100000_application_rechecks } from './Migration20261130100000_application_rechecks';
import { Migration20261130110000_attachment_document } from './Migration20261130110000_attachment_document';
import { Migration20261130120000_chain_notice } from './Migration20261130120000_chain_notice';
import { Migration20261201100000_application_redecision } from './Migration20261201100000_application_redecision';

/** Every migration of this service, in order. Add each new migration here (a test checks none is missing). */
export const migrationList: MigrationObject[] = [
  { name: 'Migration20261126142618_applications', class: Migration20261126142618 },
  { name: 'Migration20261126145942_divisions', class: Migration20261126145942_divisions },
  { name: 'Migration20261126152650_households', class: Migration20261126152650_households },
  { name: 'Migration20261126154022_application_details', class: Migration20261126154022_application_details },
  { name: 'Migration20261126154429_attachments', class: Migration20261126154429_attachments },
  { name: 'Migration20261126160650_person_name_index', class: Migration20261126160650_person_name_index },
  {
    name: 'Migration20261126175608_application_review_statuses',
    class: Migration20261126175608_application_review_statuses,
  },
  {
    name: 'Migration20261127010000_application_household_index',
    class: Migration20261127010000_application_household_index,
  },
  { name: 'Migration20261127140000_application_terminated', class: Migration20261127140000_application_terminated },
  {
    name: 'Migration20261128100000_application_materials_notice',
    class: Migration20261128100000_application_materials_notice,
  },
  {
    name: 'Migration20261128130000_application_register_index',
    class: Migration20261128130000_application_register_index,
  },
  { name: 'Migration20261128190000_household_changes', class: Migration20261128190000_household_changes },
  {
    name: 'Migration20261129100000_household_change_new_head',
    class: Migration20261129100000_household_change_new_head,
  },
  { name: 'Migration20261130100000_application_rechecks', class: Migration20261130100000_application_rechecks },
  { name: 'Migration20261130110000_attachment_document', class: Migration20261130110000_attachment_document },
  { name: 'Migration20261130120000_chain_notice', class: Migration20261130120000_chain_notice },
  {
    name: 'Migration20261201100000_application_redecision',
    class: Migration20261201100000_application_redecision,
  },
];
