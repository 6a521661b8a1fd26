import { migrateService, PlatformEnv, readEnv } from '@app/platform';

import { approvalOrmSettings } from './mikro-orm.config';

/** Applies this service's pending migrations (deploy/local/up.sh runs it before the service starts). */
void migrateService('approval', approvalOrmSettings, readEnv(PlatformEnv).DATABASE_URL);
