import type { MigrationObject } from '@mikro-orm/core';

import { Migration20261126145915 } from './Migration20261126145915_identity';
import { Migration20261127120000_access_log_chain_trigger } from './Migration20261127120000_access_log_chain_trigger';

/** Every migration of this service, in order. Add each new migration here (a test checks none is missing). */
export const migrationList: MigrationObject[] = [
  { name: 'Migration20261126145915_identity', class: Migration20261126145915 },
  {
    name: 'Migration20261127120000_access_log_chain_trigger',
    class: Migration20261127120000_access_log_chain_trigger,
  },
];
