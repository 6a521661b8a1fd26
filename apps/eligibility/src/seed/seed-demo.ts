import { PlatformEnv, readEnv, seedService } from '@app/platform';

import { eligibilityOrmSettings } from '../mikro-orm.config';
import { seedDemoStandards } from './demo-standards.seed';

/** Seeds the demo standards and policy (local stack only; idempotent). */
void seedService('eligibility', eligibilityOrmSettings, readEnv(PlatformEnv).DATABASE_URL, seedDemoStandards);
