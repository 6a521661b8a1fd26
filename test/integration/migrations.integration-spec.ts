import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { MikroORM } from '@mikro-orm/postgresql';

import { serviceOrmConfig, type ServiceOrmSettings } from '@app/platform';
import { approvalOrmSettings } from '@apps/approval/src/mikro-orm.config';
import { archiveOrmSettings } from '@apps/archive/src/mikro-orm.config';
import { eligibilityOrmSettings } from '@apps/eligibility/src/mikro-orm.config';
import { gatewayOrmSettings } from '@apps/gateway/src/mikro-orm.config';
import { intakeOrmSettings } from '@apps/intake/src/mikro-orm.config';
import { paymentOrmSettings } from '@apps/payment/src/mikro-orm.config';
import { TEST_ENV } from '@test/support/test-env';

const SERVICES: Array<[string, ServiceOrmSettings]> = [
  ['intake', intakeOrmSettings],
  ['eligibility', eligibilityOrmSettings],
  ['approval', approvalOrmSettings],
  ['payment', paymentOrmSettings],
  ['archive', archiveOrmSettings],
  ['gateway', gatewayOrmSettings],
];

describe('service migrations', () => {
  it.each(SERVICES)('%s lists every migration file it has', (_service, settings) => {
    const files = readdirSync(settings.migrationsPathTs)
      .filter((file) => /^Migration\d+.*\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(settings.migrationList.map((migration) => migration.name).sort()).toEqual(files);
  });

  it.each(SERVICES)(
    '%s: the migrated schema matches the entities (no change left without a migration)',
    async (_service, settings) => {
      const orm = await MikroORM.init({
        ...serviceOrmConfig(settings, TEST_ENV.databaseUrl),
        allowGlobalContext: true,
      });
      try {
        const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, schema: settings.schema });
        expect(diff.trim()).toBe('');
      } finally {
        await orm.close(true);
      }
    },
  );

  it('keeps each migration inside its own service schema', () => {
    for (const [service, settings] of SERVICES) {
      expect(settings.schema).toBe(service === 'gateway' ? 'identity' : service);
      expect(settings.migrationsPathTs).toBe(join(__dirname, '..', '..', 'apps', service, 'src', 'migrations'));
    }
  });
});
