import type { Client } from 'pg';

/** Bench enrolments are keyed `bench-enrol-<n>` (n from 1), start in 3000-01 and pay 400–800 yuan a month. */
export const BENCH_ENROLMENT_KEY = 'bench-enrol-';
export const BENCH_FIRST_MONTH = '3000-01';

/**
 * Tops the bench enrolments up to `count` with set-based SQL (a fixture, not a measured path): households of the
 * first 400 communities of Changchun (2201), two banks. They start in 3000-01, so they never join the payroll of
 * a real month or of the tests; the payroll and dossier benchmarks share them.
 */
export async function loadBenchEnrolments(db: Client, count: number, log = console.log): Promise<void> {
  const { rows } = await db.query(
    `select count(*)::int as n from payment.enrolment where idempotency_key like '${BENCH_ENROLMENT_KEY}%'`,
  );
  const have = rows[0].n as number;
  if (have >= count) {
    log(`enrolments: ${have.toLocaleString()} bench enrolments already loaded`);
    return;
  }
  const communities = (
    await db.query(`select code from intake.division where level = 5 and code like '2201%' order by code limit 400`)
  ).rows.map((row) => row.code as string);
  const list = communities.length > 0 ? communities : ['220102001001', '220102001002', '220102002001', '220102002002'];
  const started = performance.now();
  await db.query('begin');
  await db.query(
    `insert into payment.enrolment (id, created_at, updated_at, idempotency_key, household_id, division_code, head_name,
       head_id_number, bank_code, account_no, status, first_month, created_by)
     select gen_random_uuid(), now(), now(), '${BENCH_ENROLMENT_KEY}' || i, gen_random_uuid(),
            ($3::text[])[1 + i % array_length($3::text[], 1)], '测试户' || i, '220102198001010012',
            case when i % 3 = 0 then 'PSBC' else 'JLRCB' end, '62170' || lpad(i::text, 11, '0'), 'ACTIVE',
            '${BENCH_FIRST_MONTH}-01', 'bench'
       from generate_series($1::int, $2::int) as i`,
    [have + 1, count, list],
  );
  await db.query(
    `insert into payment.enrolment_term (id, created_at, updated_at, enrolment_id, from_month, state, base_fen, supplement_fen, change_id)
     select gen_random_uuid(), now(), now(), e.id, e.first_month, 'ACTIVE', 40000 + (random() * 30000)::int, (random() * 10000)::int, e.id
       from payment.enrolment e
      where e.idempotency_key like '${BENCH_ENROLMENT_KEY}%'
        and not exists (select 1 from payment.enrolment_term t where t.enrolment_id = e.id)`,
  );
  await db.query('commit');
  await db.query('analyze payment.enrolment; analyze payment.enrolment_term');
  log(
    `enrolments: loaded ${(count - have).toLocaleString()} bench enrolments (fixture) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
