import type { MigrationObject } from '@mikro-orm/core';

import { Migration20261126142618 } from './Migration20261126142618_applications';

/** Every migration of this service, in order. Add each new migration here (a test checks none is missing). */
export const migrationList: MigrationObject[] = [
  { name: 'Migration20261126142618_applications', class: Migration20261126142618 },
];
