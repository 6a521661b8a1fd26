import { MikroORM } from '@mikro-orm/postgresql';

import { PlatformEnv, readEnv, serviceOrmConfig } from '@app/platform';

import { approvalOrmSettings } from '../mikro-orm.config';
import { seedReferenceData } from './reference-data.seed';

/** Loads the reference data (holiday calendars, default approval policy) — in every environment; idempotent. */
async function main(): Promise<void> {
  const orm = await MikroORM.init({
    ...serviceOrmConfig(approvalOrmSettings, readEnv(PlatformEnv).DATABASE_URL),
    allowGlobalContext: true,
  });
  try {
    process.stdout.write(`approval: ${await seedReferenceData(orm)}\n`);
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`approval: reference data failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
