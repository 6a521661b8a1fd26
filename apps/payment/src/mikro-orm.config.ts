import { join } from 'node:path';

import { PlatformEnv, readEnv, serviceOrmConfig, type ServiceOrmSettings } from '@app/platform';

import { migrationList } from './migrations/migration-list';

export const paymentOrmSettings: ServiceOrmSettings = {
  schema: 'payment',
  entities: [],
  migrationsPath: join(__dirname, 'migrations'),
  migrationsPathTs: join(__dirname, 'migrations'),
  migrationList,
};

/** Used by the MikroORM CLI (`npm run migration:create -- payment <name>`). */
export default serviceOrmConfig(paymentOrmSettings, readEnv(PlatformEnv).DATABASE_URL);
