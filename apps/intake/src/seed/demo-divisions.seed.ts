import type { MikroORM } from '@mikro-orm/postgresql';

import { DEMO_DIVISIONS } from '@app/domain';

/** Inserts the demo division tree where missing; returns a one-line summary. */
export async function seedDemoDivisions(orm: MikroORM): Promise<string> {
  let added = 0;
  for (const division of DEMO_DIVISIONS) {
    const result = await orm.em.getConnection().execute<{ affectedRows?: number }>(
      `insert into intake.division (id, created_at, updated_at, code, name, parent_code, level, urban_rural, valid_from)
       values (gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?, '2023-01-01')
       on conflict (code, valid_from) do nothing`,
      [division.code, division.name, division.parentCode, division.level, division.urbanRural],
      'run',
    );
    added += result.affectedRows ?? 0;
  }
  return `demo division tree: ${added} added, ${DEMO_DIVISIONS.length - added} already there`;
}
