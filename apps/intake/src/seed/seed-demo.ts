import { PlatformEnv, readEnv, seedService } from '@app/platform';

import { intakeOrmSettings } from '../mikro-orm.config';
import { seedDemoDivisions } from './demo-divisions.seed';

/** Seeds the demo division tree (local stack only; idempotent). */
void seedService('intake', intakeOrmSettings, readEnv(PlatformEnv).DATABASE_URL, seedDemoDivisions);
