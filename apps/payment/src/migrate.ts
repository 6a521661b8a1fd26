import { migrateService, PlatformEnv, readEnv } from '@app/platform';

import { paymentOrmSettings } from './mikro-orm.config';

/** Applies this service's pending migrations (deploy/local/up.sh runs it before the service starts). */
void migrateService('payment', paymentOrmSettings, readEnv(PlatformEnv).DATABASE_URL);
