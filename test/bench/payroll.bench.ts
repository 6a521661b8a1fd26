import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { connect, headers as natsHeaders, JSONCodec } from 'nats';
import { Client } from 'pg';

import { SUBJECTS } from '@app/contracts';
import { DEMO_BANKS } from '@app/domain';
import { callerToHeaders, SYSTEM_CALLER } from '@app/platform';
import { generateLines } from '@apps/payment/src/payroll/payroll-sql';
import { chunkRange } from '@apps/payment/src/payroll/payroll.service';

import { BankClient } from '../bank-simulator/bank-client';
import { simulatedOutcome } from '../bank-simulator/simulate';
import { loadBenchEnrolments } from './support/bench-enrolments';
import { cpuSeconds, cpuSpent } from './support/process-cpu';

/**
 * The monthly payroll for BENCH_ENROLMENTS (1,000,000) active enrolments on this machine:
 *  - the time of one bare INSERT … SELECT of the same rows into a table without constraints (the yardstick);
 *  - generating the lines: `payment.payroll.plan`, `payment.payroll.generate` in BENCH_CHUNKS chunks run together
 *    as the payroll workflow runs them, and `payment.payroll.seal` (the month's indexes built and the month attached
 *    to the ledger — until then the lines are not there for anyone);
 *  - building the batches per bank (`payment.payroll.build-batches`);
 *  - the banks fetching their lines, and posting every result through the signed /bank/v1 API (5,000 per
 *    request, BENCH_BANK_CLIENTS requests in flight), then the month's statement (ingest + reconcile);
 *  - the payment service's peak memory (VmHWM of its process) and its resident memory sampled throughout.
 *
 *   npm run bench -- payroll      (needs `npm run up`; enrolments keyed `bench-enrol-…` are kept and topped up;
 *                                  they start in 3000-01, and each run pays a month of its own from there, so
 *                                  they never join the payroll of a real month or of the e2e tests)
 */
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/dibao';
const NATS_SERVERS = process.env.NATS_SERVERS ?? 'nats://127.0.0.1:4222';
const GATEWAY = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const ENROLMENTS = Number(process.env.BENCH_ENROLMENTS ?? 1_000_000);
const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 2);
const BANK_CLIENTS = Number(process.env.BENCH_BANK_CLIENTS ?? 4);
const PAYMENT_PID = Number(readFileSync(join(__dirname, '..', '..', 'var', 'run', 'payment.pid'), 'utf8'));

/** `?` placeholders (MikroORM style) as $1, $2, … for node-postgres. */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  console.log(`${label.padEnd(58)} ${seconds(ms)}`);
  return { value, ms };
}

async function main(): Promise<void> {
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  const nats = await connect({ servers: NATS_SERVERS });
  const codec = JSONCodec();
  const headers = natsHeaders();
  for (const [name, value] of Object.entries(callerToHeaders(SYSTEM_CALLER))) {
    headers.set(name, value);
  }
  const request = async <T>(subject: string, payload: unknown): Promise<T> => {
    const reply = codec.decode(
      (await nats.request(subject, codec.encode(payload), { timeout: 600_000, headers })).data,
    ) as { err?: unknown; response?: T };
    if (reply.err) {
      throw new Error(`${subject}: ${JSON.stringify(reply.err).slice(0, 300)}`);
    }
    return reply.response as T;
  };

  let peakRss = memoryOf(PAYMENT_PID).rssMb;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, memoryOf(PAYMENT_PID).rssMb);
  }, 100);

  await loadBenchEnrolments(db, ENROLMENTS);
  const { rows: last } = await db.query(
    `select to_char(coalesce(max(month), '2999-12-01'::date) + interval '1 month', 'YYYY-MM') as month
       from payment.payroll_line where month >= '3000-01-01'`,
  );
  const month = last[0].month as string;
  const { rows: active } = await db.query(
    `select count(*)::int as n from payment.enrolment_term where state = 'ACTIVE' and from_month <= $1::date and (to_month is null or to_month > $1::date)`,
    [`${month}-01`],
  );
  console.log(`month ${month}: ${active[0].n.toLocaleString()} active enrolments; payment service pid ${PAYMENT_PID}`);

  // The yardstick: the same SELECT into a table with no index or constraint, in one statement.
  await db.query(`create schema if not exists bench; drop table if exists bench.bare_lines`);
  await db.query(`create table bench.bare_lines as select * from payment.payroll_line with no data`);
  const bareSql = generateLines('bench.bare_lines', false);
  const [lo, hi] = chunkRange(0, 1);
  const plan = await request<{ batchesPerBank: Record<string, number> }>(SUBJECTS.payment.payrollPlan, { month });
  const planJson = JSON.stringify(plan.batchesPerBank);
  const prefix = `${month.replace('-', '')}-`;
  // Each measured step starts from a checkpoint, so none pays for the WAL an earlier one left (with 1 GB of
  // max_wal_size a checkpoint otherwise falls inside one step or the other and moves the ratio by ±0.3).
  await db.query('checkpoint');
  const bare = await timed('bare INSERT … SELECT of the same rows (no constraints)', () =>
    db.query(numbered(bareSql), [`${month}-01`, planJson, prefix, planJson, `${month}-01`, `${month}-01`, lo, hi]),
  );
  await db.query(`drop table bench.bare_lines`);
  await db.query('checkpoint');

  const parts: string[] = [];
  const part = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await work();
    parts.push(`${label} ${seconds(performance.now() - started)}`);
    return value;
  };
  const generated = await timed(`generate lines: plan, ${CHUNKS} chunks together, seal (NATS)`, async () => {
    const { batchesPerBank } = await part('plan', () =>
      request<{ batchesPerBank: Record<string, number> }>(SUBJECTS.payment.payrollPlan, { month }),
    );
    const chunks = await part('chunks', () =>
      Promise.all(
        Array.from({ length: CHUNKS }, (_, chunk) =>
          request<{ inserted: number }>(SUBJECTS.payment.payrollGenerate, {
            month,
            chunk,
            chunks: CHUNKS,
            batchesPerBank,
          }),
        ),
      ),
    );
    // The lines are there once the month is sealed: indexed, constrained and in the ledger.
    await part('seal', () => request<{ sealed: boolean }>(SUBJECTS.payment.payrollSeal, { month }));
    return chunks;
  });
  console.log(`  ${parts.join(', ')}`);
  const inserted = generated.value.reduce((sum, reply) => sum + reply.inserted, 0);
  const built = await timed('build batches per bank (10,000 lines each)', () =>
    request<{ batches: number; lines: number; carried: number }>(SUBJECTS.payment.payrollBuildBatches, { month }),
  );
  console.log(
    `  ${inserted.toLocaleString()} lines, ${built.value.lines.toLocaleString()} batched into ${built.value.batches} batches (${built.value.carried} carried)`,
  );

  // The banks: fetch their lines, answer them, post the results (signed, through the gateway).
  const answers: Array<{ client: BankClient; batchId: string; results: unknown[] }> = [];
  await timed('banks fetch their lines (GET …/lines, 5,000 per page)', async () => {
    for (const bank of DEMO_BANKS) {
      const client = new BankClient(GATEWAY, bank.code, bank.secret);
      const { items } = await client.ok('GET', '/bank/v1/batches?status=READY');
      const ours = (items as Array<{ batchId: string }>).filter((batch) => batch.batchId.startsWith(prefix));
      let next = 0;
      await Promise.all(
        Array.from({ length: BANK_CLIENTS }, async () => {
          while (next < ours.length) {
            const batch = ours[next++];
            let after = 0;
            for (;;) {
              const page = await client.ok('GET', `/bank/v1/batches/${batch.batchId}/lines?after=${after}&limit=5000`);
              const results = (page.items as Array<{ lineId: number; accountNo: string; amountFen: number }>).map(
                (line) => {
                  const outcome = simulatedOutcome(line.accountNo);
                  return outcome.outcome === 'PAID'
                    ? {
                        lineId: line.lineId,
                        outcome: 'PAID',
                        amountFen: line.amountFen,
                        bankReference: `B${line.lineId}`,
                      }
                    : { lineId: line.lineId, ...outcome, amountFen: line.amountFen };
                },
              );
              if (results.length > 0) {
                answers.push({ client, batchId: batch.batchId, results });
              }
              if (page.next === null) {
                break;
              }
              after = page.next;
            }
          }
        }),
      );
    }
  });
  const cpuBeforeIngest = cpuSeconds(['gateway', 'payment']);
  const posted = await timed(`ingest: POST results, 5,000 per request, ${BANK_CLIENTS} in flight`, async () => {
    let next = 0;
    let accepted = 0;
    await Promise.all(
      Array.from({ length: BANK_CLIENTS }, async () => {
        while (next < answers.length) {
          const { client, batchId, results } = answers[next++];
          const reply = await client.ok('POST', `/bank/v1/batches/${batchId}/results`, { results });
          accepted += reply.accepted as number;
        }
      }),
    );
    return accepted;
  });
  const cpuAfterIngest = cpuSeconds(['gateway', 'payment']);
  const statement = await timed('reconcile: the month statement (per bank, per county)', () =>
    request<{ totals: Record<string, number>; balanced: boolean }>(SUBJECTS.payment.payrollStatement, { month }),
  );
  clearInterval(sampler);
  const memory = memoryOf(PAYMENT_PID);

  console.log('');
  console.log(
    `lines generated              ${seconds(generated.ms)}  (${(generated.ms / bare.ms).toFixed(2)} × the bare statement, ${seconds(bare.ms)})`,
  );
  console.log(`batches built                ${seconds(built.ms)}`);
  console.log(
    `results ingested + reconciled ${seconds(posted.ms + statement.ms)}  (${posted.value.toLocaleString()} results accepted)`,
  );
  console.log(`  CPU seconds of the ingest          ${cpuSpent(cpuBeforeIngest, cpuAfterIngest)} (2 cores)`);
  console.log(
    `statement                    expected ${statement.value.totals.expectedFen} = paid ${statement.value.totals.paidFen} + failed ${statement.value.totals.failedFen} + pending ${statement.value.totals.pendingFen}; balanced: ${statement.value.balanced}`,
  );
  console.log(
    `payment service memory       peak RSS ${memory.peakMb.toFixed(0)} MB (VmHWM since start; sampled peak during the run ${peakRss.toFixed(0)} MB)`,
  );
  await nats.close();
  await db.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
