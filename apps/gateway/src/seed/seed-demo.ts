import { PlatformEnv, readEnv, seedService } from '@app/platform';

import { gatewayOrmSettings } from '../mikro-orm.config';
import { seedDemoAccounts } from './demo-accounts.seed';

/** Seeds the demo accounts (local stack only; idempotent). */
void seedService('gateway', gatewayOrmSettings, readEnv(PlatformEnv).DATABASE_URL, (orm) => seedDemoAccounts(orm));
