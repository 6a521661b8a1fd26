import './register-paths';

import { runMigrations, serviceOrmConfig } from '@app/platform';
import { approvalOrmSettings } from '@apps/approval/src/mikro-orm.config';
import { archiveOrmSettings } from '@apps/archive/src/mikro-orm.config';
import { eligibilityOrmSettings } from '@apps/eligibility/src/mikro-orm.config';
import { intakeOrmSettings } from '@apps/intake/src/mikro-orm.config';
import { paymentOrmSettings } from '@apps/payment/src/mikro-orm.config';

import { TEST_ENV } from './test-env';

/**
 * Applies every service's migrations to the test database. Run in its own process by the global setup, so
 * entity metadata never leaks into Jest's sandboxes.
 */
async function main(): Promise<void> {
  for (const settings of [
    intakeOrmSettings,
    eligibilityOrmSettings,
    approvalOrmSettings,
    paymentOrmSettings,
    archiveOrmSettings,
  ]) {
    await runMigrations({ ...serviceOrmConfig(settings, TEST_ENV.databaseUrl), logger: () => undefined });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
