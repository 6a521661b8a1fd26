import { join } from 'node:path';

import { PlatformEnv, readEnv, serviceOrmConfig, type ServiceOrmSettings } from '@app/platform';

import { AccessLogEntry } from './access-log/access-log-entry.entity';
import { Account } from './identity/accounts/account.entity';
import { RefreshToken } from './identity/auth/refresh-token.entity';
import { migrationList } from './migrations/migration-list';

/** The gateway owns the `identity` schema: staff accounts, refresh tokens and the access log. */
export const gatewayOrmSettings: ServiceOrmSettings = {
  schema: 'identity',
  entities: [Account, RefreshToken, AccessLogEntry],
  migrationsPath: join(__dirname, 'migrations'),
  migrationsPathTs: join(__dirname, 'migrations'),
  migrationList,
};

/** Used by the MikroORM CLI (`npm run migration:create -- gateway <name>`). */
export default serviceOrmConfig(gatewayOrmSettings, readEnv(PlatformEnv).DATABASE_URL);
