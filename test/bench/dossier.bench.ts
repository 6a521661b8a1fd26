import { resolve } from 'node:path';

import { connect } from 'nats';
import { Client } from 'pg';

import { SUBJECTS } from '@app/contracts';
import { DEFAULT_DEMO_PASSWORD, idNumberCheckCharacter } from '@app/domain';
import { SYSTEM_CALLER } from '@app/platform';

import { loadBenchEnrolments } from './support/bench-enrolments';
import { benchMonth, ITEMS_PER_FILE, loadHistories, loadPaidMonth, writeItemBlobs } from './support/dossier-fixture';
import { natsRequest } from './support/nats-request';

/**
 * The household dossier over BENCH_HOUSEHOLDS (1,000,000) households with full histories, against the running
 * stack (`npm run up`):
 *  - the fixture, written once with set-based SQL and topped up later: the payroll benchmark's enrolments
 *    (`bench-enrol-…`, shared with it) each get members, an approved application, three decided steps, an
 *    assessment, the ENROL decision and an archive file of 12 chained items; and BENCH_MONTHS (12) settled
 *    payroll months from 3000-01 (a month the payroll benchmark paid is kept);
 *  - BENCH_DOSSIERS (2,000) dossiers of households drawn at random, `GET /api/v1/households/:id/dossier`
 *    through the gateway with BENCH_CLIENTS (4) clients, after BENCH_WARMUP (100) unmeasured: p50/p99/max,
 *    dossiers per second, each section's p50/p99 as the gateway timed it, and which section was slowest;
 *  - checks that could fail: every section OK with its full history, and the archive's own fixity check holding
 *    for sampled generated files (so the generated hash chains are the archive's).
 *
 *   npm run bench -- dossier
 */
const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/dibao';
const NATS_SERVERS = process.env.NATS_SERVERS ?? 'nats://127.0.0.1:4222';
const BLOB_DIR = resolve(process.env.ARCHIVE_BLOB_DIR ?? 'var/blobs');
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 1_000_000);
const MONTHS = Number(process.env.BENCH_MONTHS ?? 12);
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 2000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const SECTIONS = ['household', 'applications', 'steps', 'assessments', 'benefit', 'payments', 'archive'] as const;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
};
const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;

async function post(path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${BASE_URL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

/** A province-wide auditor (application:read and document:read over all of Jilin): sees every section. */
async function readerToken(): Promise<string> {
  const admin = await post('/api/v1/auth/login', {
    username: 'admin',
    password: process.env.DIBAO_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
  });
  const adminToken = ((await admin.json()) as { accessToken: string }).accessToken;
  const created = await post(
    '/api/v1/accounts',
    {
      username: 'bench-dossier',
      displayName: '性能测试（户档案）',
      divisionCode: '22',
      roles: ['AUDITOR'],
      password: 'bench-dossier-pass',
    },
    adminToken,
  );
  if (![200, 201, 409].includes(created.status)) {
    throw new Error(`creating the bench reader: ${created.status} ${await created.text()}`);
  }
  const login = await post('/api/v1/auth/login', { username: 'bench-dossier', password: 'bench-dossier-pass' });
  return ((await login.json()) as { accessToken: string }).accessToken;
}

interface Section {
  status: string;
  ms: number;
  data?: unknown;
}
type Dossier = Record<(typeof SECTIONS)[number], Section> & { slowest: { section: string; ms: number } };

async function main(): Promise<void> {
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  const nats = await connect({ servers: NATS_SERVERS });
  try {
    // The SQL check character must be the domain's (GB 11643) for the fixture's ID numbers to be valid.
    await db.query('create schema if not exists bench');
    const sample17 = '22010219310101123';
    const blobs = await writeItemBlobs(BLOB_DIR);
    await loadBenchEnrolments(db, HOUSEHOLDS);
    await loadHistories(db, HOUSEHOLDS, blobs);
    const [{ check }] = (await db.query(`select bench.id_check($1) as check`, [sample17])).rows;
    if (check !== idNumberCheckCharacter(sample17)) {
      throw new Error(`bench.id_check gives ${check}, the domain ${idNumberCheckCharacter(sample17)}`);
    }
    const monthsStarted = performance.now();
    const written: string[] = [];
    for (let n = 0; n < MONTHS; n += 1) {
      const month = benchMonth(n);
      const lines = await loadPaidMonth(db, month, benchMonth(MONTHS - 1), (what, m) =>
        natsRequest(
          nats,
          what === 'plan' ? SUBJECTS.payment.payrollPlan : SUBJECTS.payment.payrollSeal,
          { month: m },
          SYSTEM_CALLER,
        ),
      );
      if (lines > 0) {
        written.push(`${month} (${lines.toLocaleString()})`);
      }
    }
    console.log(
      written.length > 0
        ? `payments: lines written (fixture) for ${written.join(', ')} in ${((performance.now() - monthsStarted) / 1000).toFixed(0)} s`
        : `payments: ${MONTHS} months from ${benchMonth(0)} already on the ledger`,
    );
    const [sizes] = (
      await db.query(`select (select count(*) from archive.document)::bigint as items,
                             (select count(*) from payment.payroll_line)::bigint as lines,
                             (select count(*) from intake.household)::bigint as households,
                             pg_size_pretty(pg_database_size(current_database())) as size`)
    ).rows;
    console.log(
      `database: ${Number(sizes.households).toLocaleString()} households, ${Number(sizes.items).toLocaleString()} archive items, ${Number(sizes.lines).toLocaleString()} payroll lines, ${sizes.size}`,
    );

    const households = (
      await db.query(
        `select household_id from payment.enrolment where idempotency_key like 'bench-enrol-%' order by random() limit $1`,
        [DOSSIERS + WARMUP],
      )
    ).rows.map((row) => row.household_id as string);
    const token = await readerToken();
    const purpose = encodeURIComponent('性能测试：户档案查询');

    const totals: number[] = [];
    const overheads: number[] = [];
    const bySection = new Map<string, number[]>(SECTIONS.map((name) => [name, []]));
    const slowest = new Map<string, number>();
    const problems: string[] = [];
    let cursor = 0;
    let started = 0;
    const read = async (householdId: string, measured: boolean) => {
      const t = performance.now();
      const response = await fetch(`${BASE_URL}/api/v1/households/${householdId}/dossier?purpose=${purpose}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await response.json()) as Dossier;
      const elapsed = performance.now() - t;
      if (!measured) {
        return;
      }
      totals.push(elapsed);
      if (response.status !== 200) {
        problems.push(`${householdId}: HTTP ${response.status}`);
        return;
      }
      for (const name of SECTIONS) {
        bySection.get(name)!.push(body[name].ms);
        if (body[name].status !== 'OK') {
          problems.push(`${householdId}: ${name} ${body[name].status}`);
        }
      }
      const archive = body.archive.data as { items: unknown[] } | undefined;
      const payments = body.payments.data as unknown[] | undefined;
      if ((archive?.items.length ?? 0) < ITEMS_PER_FILE || (payments?.length ?? 0) < MONTHS) {
        problems.push(`${householdId}: ${archive?.items.length ?? 0} archive items, ${payments?.length ?? 0} payments`);
      }
      slowest.set(body.slowest.section, (slowest.get(body.slowest.section) ?? 0) + 1);
      overheads.push(elapsed - body.slowest.ms);
    };
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (cursor < households.length) {
          const n = cursor++;
          if (n === WARMUP) {
            started = performance.now();
          }
          await read(households[n], n >= WARMUP);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    // The generated files are the archive's own: its fixity check (content, chain, numbering) holds for them.
    const verified = await Promise.all(
      households
        .slice(0, 5)
        .map((householdId) =>
          natsRequest<{ ok: boolean; problems: unknown[] }>(
            nats,
            SUBJECTS.archive.fixityVerifyFile,
            { householdId },
            SYSTEM_CALLER,
          ),
        ),
    );

    console.log(
      `\ndossier: ${totals.length} reads of households drawn at random from ${HOUSEHOLDS.toLocaleString()}, ${CLIENTS} clients (after ${WARMUP} unmeasured), ${(totals.length / seconds).toFixed(0)} dossiers/s`,
    );
    console.log(
      `  GET …/dossier (gateway)   p50 ${ms(percentile(totals, 50))}   p99 ${ms(percentile(totals, 99))}   max ${ms(Math.max(...totals))}`,
    );
    console.log(
      `  gateway beyond the slowest section (auth, access log, HTTP)   p50 ${ms(percentile(overheads, 50))}   p99 ${ms(percentile(overheads, 99))}`,
    );
    for (const name of SECTIONS) {
      const values = bySection.get(name)!;
      console.log(
        `  section ${name.padEnd(13)}     p50 ${ms(percentile(values, 50))}   p99 ${ms(percentile(values, 99))}   slowest in ${(((slowest.get(name) ?? 0) / totals.length) * 100).toFixed(0).padStart(3)} % of reads`,
      );
    }
    console.log(
      `  every section OK with ${ITEMS_PER_FILE} archive items and ${MONTHS} payments: ${problems.length === 0 ? 'yes' : `NO (${problems.length}: ${problems.slice(0, 5).join('; ')})`}`,
    );
    console.log(
      `  archive fixity check of ${verified.length} generated files: ${verified.every((check) => check.ok) ? 'all hold' : `FAILED ${JSON.stringify(verified.find((check) => !check.ok)?.problems).slice(0, 300)}`}`,
    );
    if (problems.length > 0 || !verified.every((check) => check.ok)) {
      process.exitCode = 1;
    }
  } finally {
    await db.end();
    await nats.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
