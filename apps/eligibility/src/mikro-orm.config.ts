import { join } from 'node:path';

import { PlatformEnv, readEnv, serviceOrmConfig, type ServiceOrmSettings } from '@app/platform';

import { migrationList } from './migrations/migration-list';
import { Policy } from './policies/policy.entity';
import { Standard } from './standards/standard.entity';

export const eligibilityOrmSettings: ServiceOrmSettings = {
  schema: 'eligibility',
  entities: [Standard, Policy],
  migrationsPath: join(__dirname, 'migrations'),
  migrationsPathTs: join(__dirname, 'migrations'),
  migrationList,
};

/** Used by the MikroORM CLI (`npm run migration:create -- eligibility <name>`). */
export default serviceOrmConfig(eligibilityOrmSettings, readEnv(PlatformEnv).DATABASE_URL);
