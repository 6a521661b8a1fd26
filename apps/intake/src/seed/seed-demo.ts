import { DEMO_DIVISIONS } from '@app/domain';
import { PlatformEnv, readEnv, seedService } from '@app/platform';

import { intakeOrmSettings } from '../mikro-orm.config';

/** Seeds the demo division tree (local stack only; idempotent). */
void seedService('intake', intakeOrmSettings, readEnv(PlatformEnv).DATABASE_URL, async (orm) => {
  let added = 0;
  for (const division of DEMO_DIVISIONS) {
    const result = await orm.em.getConnection().execute<{ rowCount?: number; affectedRows?: number }>(
      `insert into intake.division (id, created_at, updated_at, code, name, parent_code, level, urban_rural, valid_from)
       values (gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?, '2023-01-01')
       on conflict (code, valid_from) do nothing`,
      [division.code, division.name, division.parentCode, division.level, division.urbanRural],
      'run',
    );
    added += result.affectedRows ?? 0;
  }
  return `demo division tree: ${added} added, ${DEMO_DIVISIONS.length - added} already there`;
});
