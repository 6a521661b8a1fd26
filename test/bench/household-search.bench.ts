import { randomUUID } from 'node:crypto';

import { connect, headers as natsHeaders, JSONCodec } from 'nats';
import { Client } from 'pg';

import { type CreateHouseholdRequest, SUBJECTS } from '@app/contracts';
import { DEFAULT_DEMO_PASSWORD, idNumberCheckCharacter, queryGrams } from '@app/domain';
import { callerToHeaders, SYSTEM_CALLER } from '@app/platform';

/**
 * Household registry at scale: loads N synthetic households (realistic names, valid Jilin ID numbers, plausible
 * sizes) through intake's own bulk path (`intake.household.import` over NATS), then runs name and ID searches
 * through the gateway with concurrent clients, and the same query directly in PostgreSQL beside it.
 *
 *   BENCH_HOUSEHOLDS=1000000 npm run bench -- household-search     (needs `npm run up`)
 *
 * A second run reuses households already loaded by an earlier run (their keys start with `bench-`).
 */
const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/dibao';
const NATS_SERVERS = process.env.NATS_SERVERS ?? 'nats://127.0.0.1:4222';
const TOTAL = Number(process.env.BENCH_HOUSEHOLDS ?? 1_000_000);
const BATCH = 1000;
const LOADERS = Number(process.env.BENCH_LOADERS ?? 2);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 1000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);

// Surnames weighted roughly by frequency (王李张刘陈 about a third of the population), given-name characters common in the north-east.
const SURNAMES =
  '王王王王李李李李张张张张刘刘刘陈陈杨杨黄赵赵吴周徐孙孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国玉梅鑫波斌宇浩凯健俊帆帅旭宁龙林欣佳雪琳晶颖玲婷慧莉淑珍凤春海鹏亮辉志东福生文博丹阳凤琴云飞晓红宏伟德胜';

function pick<T>(items: ArrayLike<T>): T {
  return items[Math.floor(Math.random() * items.length)];
}

function personName(surname = pick(SURNAMES)): string {
  return Math.random() < 0.35 ? surname + pick(GIVEN) : surname + pick(GIVEN) + pick(GIVEN);
}

function idNumber(county: string, minYear: number, maxYear: number): string {
  const year = minYear + Math.floor(Math.random() * (maxYear - minYear + 1));
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const first17 = `${county}${year}${month}${day}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

/** Household sizes: 1 (35 %), 2 (30 %), 3 (20 %), 4 (10 %), 5 (5 %) — single elderly and couples dominate dibao. */
function householdSize(): number {
  const r = Math.random();
  return r < 0.35 ? 1 : r < 0.65 ? 2 : r < 0.85 ? 3 : r < 0.95 ? 4 : 5;
}

function makeHousehold(communities: string[], seen: Set<string>): CreateHouseholdRequest {
  const divisionCode = pick(communities);
  const county = divisionCode.slice(0, 6);
  const surname = pick(SURNAMES);
  const size = householdSize();
  const members: CreateHouseholdRequest['members'] = [];
  const relationships = ['02', '10', '20', '30', '50'] as const;
  for (let i = 0; i < size; i += 1) {
    let id: string;
    do {
      id = i < 2 ? idNumber(county, 1940, 1985) : idNumber(county, 2000, 2020);
    } while (seen.has(id));
    seen.add(id);
    const elderly = Number(id.slice(6, 10)) < 1960;
    members.push({
      name: i === 0 || i >= 2 ? personName(surname) : personName(),
      idNumber: id,
      relationship: relationships[i],
      health: elderly ? pick(['CHRONIC_ILLNESS', 'SERIOUS_ILLNESS', 'HEALTHY'] as const) : 'HEALTHY',
      workCapacity: elderly ? 'NONE' : i >= 2 ? 'NONE' : pick(['FULL', 'PARTIAL'] as const),
      schooling: i >= 2 ? pick(['PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY'] as const) : 'NONE',
    });
  }
  return { idempotencyKey: `bench-${randomUUID()}`, divisionCode, members };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function load(db: Client): Promise<void> {
  const [{ loaded }] = (
    await db.query(`select count(*)::int as loaded from intake.household where idempotency_key like 'bench-%'`)
  ).rows;
  const missing = TOTAL - loaded;
  console.log(`households already loaded by earlier runs: ${loaded}; loading ${Math.max(0, missing)}`);
  if (missing <= 0) {
    return;
  }
  const communities = (
    await db.query(`select code from intake.division where level = 5 and code like '22%' and valid_to is null`)
  ).rows.map((row: { code: string }) => row.code);
  // ID numbers already in the registry (earlier runs, tests), so no generated person collides with one.
  const existing = new Set<string>(
    (await db.query('select id_number from intake.person')).rows.map((row: { id_number: string }) => row.id_number),
  );
  const nats = await connect({ servers: NATS_SERVERS });
  const codec = JSONCodec();
  const hdrs = natsHeaders();
  for (const [name, value] of Object.entries(callerToHeaders(SYSTEM_CALLER))) {
    hdrs.set(name, value);
  }
  let done = 0;
  let members = 0;
  const started = performance.now();
  const batches = Math.ceil(missing / BATCH);
  let next = 0;
  await Promise.all(
    Array.from({ length: LOADERS }, async () => {
      while (next < batches) {
        next += 1;
        const size = Math.min(BATCH, missing - done - BATCH * 0);
        const households = Array.from({ length: Math.min(BATCH, size) }, () => makeHousehold(communities, existing));
        members += households.reduce((sum, h) => sum + h.members.length, 0);
        const reply = codec.decode(
          (
            await nats.request(SUBJECTS.intake.householdImport, codec.encode({ households }), {
              timeout: 120_000,
              headers: hdrs,
            })
          ).data,
        ) as {
          response?: { imported: number };
          err?: unknown;
        };
        if (reply.err) {
          throw new Error(`import failed: ${JSON.stringify(reply.err).slice(0, 300)}`);
        }
        done += households.length;
        if (done % 50_000 < BATCH) {
          const seconds = (performance.now() - started) / 1000;
          console.log(`  ${done} households (${members} people) in ${seconds.toFixed(0)} s`);
        }
      }
    }),
  );
  await nats.close();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `load: ${done} households, ${members} people in ${seconds.toFixed(1)} s (${(done / seconds).toFixed(0)} households/s)`,
  );
  await db.query('analyze intake.person; analyze intake.household_member; analyze intake.household');
}

async function main(): Promise<void> {
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  await load(db);

  // Query mix: two-character full names, surname + first given-name character, full ID numbers — all real data.
  const sample = (
    await db.query(
      `select p.name, p.id_number from intake.person p tablesample system (1) join intake.household_member m on m.person_id = p.id
        join intake.household h on h.id = m.household_id where h.idempotency_key like 'bench-%' limit ${SEARCHES * 2}`,
    )
  ).rows as Array<{ name: string; id_number: string }>;
  const twoChar = sample.filter((row) => [...row.name].length === 2);
  const longer = sample.filter((row) => [...row.name].length === 3);
  const queries = Array.from({ length: SEARCHES }, (_, i) => {
    const kind = i % 3;
    if (kind === 0 && twoChar.length) {
      return pick(twoChar).name;
    }
    if (kind === 1 && longer.length) {
      return [...pick(longer).name].slice(0, 2).join('');
    }
    return pick(sample).id_number;
  });

  // A province-wide reader, so every search covers all N households.
  const adminLogin = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: process.env.DIBAO_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD }),
  });
  const adminToken = ((await adminLogin.json()) as { accessToken: string }).accessToken;
  await fetch(`${BASE_URL}/api/v1/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({
      username: 'bench-reader',
      displayName: '性能测试（全省）',
      divisionCode: '22',
      roles: ['AUDITOR'],
      password: 'bench-reader-pass',
    }),
  });
  const login = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench-reader', password: 'bench-reader-pass' }),
  });
  const token = ((await login.json()) as { accessToken: string }).accessToken;

  const http: number[] = [];
  const hits: number[] = [];
  let cursor = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (cursor < queries.length) {
        const q = queries[cursor++];
        const t = performance.now();
        const response = await fetch(`${BASE_URL}/api/v1/households?q=${encodeURIComponent(q)}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = (await response.json()) as { items: unknown[] };
        http.push(performance.now() - t);
        hits.push(body.items?.length ?? 0);
      }
    }),
  );
  const httpSeconds = (performance.now() - started) / 1000;

  // The same SQL the service runs, straight against PostgreSQL.
  const bare: number[] = [];
  for (const q of queries) {
    const isId = /^\d{17}[\dX]$/.test(q);
    const columns = `h.id, h.household_no, h.division_code, h.status, p.name, p.id_number, m.relationship, m.active`;
    const from = `intake.person p join intake.household_member m on m.person_id = p.id join intake.household h on h.id = m.household_id`;
    const hits = isId
      ? `select ${columns}, 0 as rank from ${from} where p.id_number = $1 and h.division_code like '22%' limit 20`
      : `(select ${columns}, 0 as rank from ${from} where p.name = $1 and h.division_code like '22%' limit 20)
         union all
         (select ${columns}, 1 as rank from ${from}
           where p.name_grams @> string_to_array($2, chr(31)) and p.name like $3 and p.name <> $1 and h.division_code like '22%' limit 20)`;
    const params = isId ? [q] : [q, queryGrams(q).join('\x1f'), `%${q}%`];
    const t = performance.now();
    await db.query(
      `with hits as (select * from (${hits}) u limit 20)
       select hits.*,
              (select hp.name from intake.household_member hm join intake.person hp on hp.id = hm.person_id
                where hm.household_id = hits.id and hm.is_head order by hm.active desc limit 1) as head_name,
              (select count(*)::int from intake.household_member cm where cm.household_id = hits.id and cm.active) as member_count
         from hits order by hits.rank, hits.active desc, hits.name, hits.household_no`,
      params,
    );
    bare.push(performance.now() - t);
  }
  const plan = await db.query(
    `explain select p.id from intake.person p where p.name_grams @> $1::text[] and p.name like $2`,
    [queryGrams(twoChar[0]?.name ?? '王伟'), `%${twoChar[0]?.name ?? '王伟'}%`],
  );
  await db.end();

  const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;
  console.log(
    `\nsearch: ${queries.length} queries (1/3 two-character names, 1/3 surname + partial given name, 1/3 ID numbers), ${CLIENTS} clients, ${httpSeconds.toFixed(1)} s`,
  );
  console.log(
    `  through the gateway   p50 ${ms(percentile(http, 50))}   p99 ${ms(percentile(http, 99))}   max ${ms(Math.max(...http))}`,
  );
  console.log(
    `  bare PostgreSQL       p50 ${ms(percentile(bare, 50))}   p99 ${ms(percentile(bare, 99))}   (one client)`,
  );
  console.log(`  hits per query        p50 ${percentile(hits, 50)}   max ${Math.max(...hits)}`);
  console.log(
    `  plan of a two-character name query:\n    ${plan.rows.map((row: Record<string, string>) => Object.values(row)[0]).join('\n    ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
