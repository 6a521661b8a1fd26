import { migrateService, PlatformEnv, readEnv } from '@app/platform';

import { eligibilityOrmSettings } from './mikro-orm.config';

/** Applies this service's pending migrations (deploy/local/up.sh runs it before the service starts). */
void migrateService('eligibility', eligibilityOrmSettings, readEnv(PlatformEnv).DATABASE_URL);
