import { migrateService, PlatformEnv, readEnv } from '@app/platform';

import { gatewayOrmSettings } from './mikro-orm.config';

/** Applies the identity schema's pending migrations (deploy/local/up.sh runs it before the gateway starts). */
void migrateService('gateway', gatewayOrmSettings, readEnv(PlatformEnv).DATABASE_URL);
