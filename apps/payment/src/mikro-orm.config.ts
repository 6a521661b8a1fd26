import { join } from 'node:path';

import { PlatformEnv, readEnv, serviceOrmConfig, type ServiceOrmSettings } from '@app/platform';

export const paymentOrmSettings: ServiceOrmSettings = {
  schema: 'payment',
  entities: [],
  migrationsPath: join(__dirname, 'migrations'),
  migrationsPathTs: join(__dirname, 'migrations'),
};

/** Used by the MikroORM CLI (`npm run migration:create -- payment <name>`). */
export default serviceOrmConfig(paymentOrmSettings, readEnv(PlatformEnv).DATABASE_URL);
