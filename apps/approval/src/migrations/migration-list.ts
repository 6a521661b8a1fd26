import type { MigrationObject } from '@mikro-orm/core';

import { Migration20261126140000_approval_schema } from './Migration20261126140000_approval_schema';

/** Every migration of this service, in order. Add each new migration here (a test checks none is missing). */
export const migrationList: MigrationObject[] = [
  { name: 'Migration20261126140000_approval_schema', class: Migration20261126140000_approval_schema },
];
