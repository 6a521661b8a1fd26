import type { EntityManager } from '@mikro-orm/postgresql';

import type { DivisionRow } from './china-division.source';

export interface LoadResult {
  added: number;
  changed: number;
  retired: number;
  unchanged: number;
}

/**
 * Loads one code list (one province, one year) as versions, in one transaction and set-based:
 * - a code not known yet is added, valid from `validFrom`;
 * - a current code whose name, parent or level differs gets its version closed the day before and a new one;
 * - a current code of that province missing from the list is closed (retired), with no successor;
 * - a code that is the same stays as it is.
 * Old versions are never changed otherwise, so records filed under an old code or name keep their meaning.
 */
export async function loadDivisionList(
  em: EntityManager,
  provinceCode: string,
  rows: DivisionRow[],
  validFrom: string,
): Promise<LoadResult> {
  return em.transactional(async (tx) => {
    const run = (sql: string, params: unknown[] = []) =>
      tx.getConnection().execute<Array<Record<string, unknown>>>(sql, params, 'all', tx.getTransactionContext());
    await run(
      `create temp table incoming_division (code varchar(12) primary key, name varchar(100), parent_code varchar(12), level smallint, urban_rural varchar(8)) on commit drop`,
    );
    await run(
      `insert into incoming_division (code, name, parent_code, level, urban_rural)
       select code, left(name, 100), parent_code, level, urban_rural
         from jsonb_to_recordset(?::jsonb) as x(code varchar, name varchar, parent_code varchar, level smallint, urban_rural varchar)`,
      [
        JSON.stringify(
          rows.map((r) => ({
            code: r.code,
            name: r.name,
            parent_code: r.parentCode,
            level: r.level,
            urban_rural: r.urbanRural,
          })),
        ),
      ],
    );
    const [{ count: unchanged }] = await run(
      `select count(*)::int as count from incoming_division i join intake.division d
         on d.code = i.code and d.valid_to is null
        where d.name = i.name and d.parent_code is not distinct from i.parent_code and d.level = i.level`,
    );
    const changed = await run(
      `update intake.division d set valid_to = (?::date - 1), updated_at = now()
         from incoming_division i
        where d.code = i.code and d.valid_to is null and d.valid_from < ?::date
          and (d.name <> i.name or d.parent_code is distinct from i.parent_code or d.level <> i.level)
       returning d.code`,
      [validFrom, validFrom],
    );
    const retired = await run(
      `update intake.division d set valid_to = (?::date - 1), updated_at = now()
        where d.code like ? and d.valid_to is null and d.valid_from < ?::date
          and not exists (select 1 from incoming_division i where i.code = d.code)
       returning d.code`,
      [validFrom, `${provinceCode}%`, validFrom],
    );
    const added = await run(
      `insert into intake.division (id, created_at, updated_at, code, name, parent_code, level, urban_rural, valid_from)
       select gen_random_uuid(), now(), now(), i.code, i.name, i.parent_code, i.level, i.urban_rural, ?::date
         from incoming_division i
        where not exists (select 1 from intake.division d where d.code = i.code and d.valid_to is null)
       on conflict (code, valid_from) do update set name = excluded.name, parent_code = excluded.parent_code,
          level = excluded.level, urban_rural = excluded.urban_rural, updated_at = now()
       returning code`,
      [validFrom],
    );
    return {
      added: added.length - changed.length,
      changed: changed.length,
      retired: retired.length,
      unchanged: Number(unchanged),
    };
  });
}
