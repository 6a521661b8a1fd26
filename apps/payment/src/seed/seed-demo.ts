import { PlatformEnv, readEnv, seedService } from '@app/platform';

import { paymentOrmSettings } from '../mikro-orm.config';
import { seedDemoBanks } from './demo-banks.seed';

/** Seeds the demo payment banks (local stack only; idempotent). */
void seedService('payment', paymentOrmSettings, readEnv(PlatformEnv).DATABASE_URL, seedDemoBanks);
