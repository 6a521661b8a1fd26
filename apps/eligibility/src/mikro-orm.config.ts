import { join } from 'node:path';

import { PlatformEnv, readEnv, serviceOrmConfig, type ServiceOrmSettings } from '@app/platform';

import { Assessment } from './assessments/assessment.entity';
import { migrationList } from './migrations/migration-list';
import { Policy } from './rule-versions/policy.entity';
import { RuleChange } from './rule-versions/rule-change.entity';
import { Standard } from './rule-versions/standard.entity';

export const eligibilityOrmSettings: ServiceOrmSettings = {
  schema: 'eligibility',
  entities: [Standard, Policy, RuleChange, Assessment],
  migrationsPath: join(__dirname, 'migrations'),
  migrationsPathTs: join(__dirname, 'migrations'),
  migrationList,
};

/** Used by the MikroORM CLI (`npm run migration:create -- eligibility <name>`). */
export default serviceOrmConfig(eligibilityOrmSettings, readEnv(PlatformEnv).DATABASE_URL);
