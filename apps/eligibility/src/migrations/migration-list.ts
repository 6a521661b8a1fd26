import type { MigrationObject } from '@mikro-orm/core';

import { Migration20261126140000_eligibility_schema } from './Migration20261126140000_eligibility_schema';
import { Migration20261126162518_standards_policies } from './Migration20261126162518_standards_policies';
import { Migration20261126171500_versions_audit_assessments } from './Migration20261126171500_versions_audit_assessments';

/** Every migration of this service, in order. Add each new migration here (a test checks none is missing). */
export const migrationList: MigrationObject[] = [
  { name: 'Migration20261126140000_eligibility_schema', class: Migration20261126140000_eligibility_schema },
  { name: 'Migration20261126162518_standards_policies', class: Migration20261126162518_standards_policies },
  {
    name: 'Migration20261126171500_versions_audit_assessments',
    class: Migration20261126171500_versions_audit_assessments,
  },
];
