import { join } from 'node:path';

import { PlatformEnv, readEnv, serviceOrmConfig, type ServiceOrmSettings } from '@app/platform';

import { migrationList } from './migrations/migration-list';

export const approvalOrmSettings: ServiceOrmSettings = {
  schema: 'approval',
  entities: [],
  migrationsPath: join(__dirname, 'migrations'),
  migrationsPathTs: join(__dirname, 'migrations'),
  migrationList,
};

/** Used by the MikroORM CLI (`npm run migration:create -- approval <name>`). */
export default serviceOrmConfig(approvalOrmSettings, readEnv(PlatformEnv).DATABASE_URL);
