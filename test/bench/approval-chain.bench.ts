import { randomUUID } from 'node:crypto';

import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { connect, type NatsConnection } from 'nats';
import { Client as Pg } from 'pg';

import { type Caller, type DecisionReply, SUBJECTS } from '@app/contracts';
import { decideUpdate } from '@app/contracts/temporal';
import { bundlerOptions } from '@temporal-worker/bundler-options';

import { freshIdNumbers } from './support/fresh-id-numbers';
import { natsRequest } from './support/nats-request';
import { cpuSeconds, cpuSpent } from './support/process-cpu';

/**
 * N applications driven concurrently through the whole chain on the running stack (`npm run up`) to approval and
 * the household's enrolment for payment (each carries the head's bank account), with scripted decisions at
 * community, street and county, in 长江路社区 (宽城区 220103) whose policy this benchmark
 * gives a 1-second publicity (a drill setting, labelled). Prints chains completed per second, decision → next
 * task in the inbox (p50/p99), documents filed per second, CPU seconds of each process, and beside it the rate
 * of a bare workflow of the same shape (no-op activities, three updates) on the same dev server; with BENCH_PROBE,
 * the rate and latency at smaller numbers in flight, below saturation.
 *
 *   BENCH_CHAINS=1000 BENCH_CONCURRENCY=50 BENCH_PROBE=1,2,4,8 npm run bench -- approval-chain
 */
const NATS_SERVERS = process.env.NATS_SERVERS ?? 'nats://127.0.0.1:4222';
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/dibao';
const TEMPORAL_ADDRESS = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const NAMESPACE = process.env.TEMPORAL_NAMESPACE ?? 'dibao';
const TOTAL = Number(process.env.BENCH_CHAINS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
/** Numbers in flight to measure the latency at below saturation, after the main run (e.g. "1,2,4,8"; none: skip). */
const PROBE = (process.env.BENCH_PROBE ?? '').split(',').filter(Boolean).map(Number);
const COMMUNITY = '220103002001';

const staff = (roles: Caller['roles'], divisionCode: string, username: string): Caller => ({
  userId: randomUUID(),
  username,
  roles,
  divisionCode,
});
const CASEWORKER = staff(['COMMUNITY_CASEWORKER'], COMMUNITY, 'bench-community');
const BY_STAGE: Record<string, Caller> = {
  COMMUNITY: CASEWORKER,
  STREET: staff(['STREET_REVIEWER'], COMMUNITY.slice(0, 9), 'bench-street'),
  COUNTY: staff(['COUNTY_APPROVER'], COMMUNITY.slice(0, 6), 'bench-county'),
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
};
const latency = (values: number[]) =>
  `p50 ${percentile(values, 0.5).toFixed(0)} ms, p99 ${percentile(values, 0.99).toFixed(0)} ms`;

const PROCESSES = ['temporal', 'worker', 'intake', 'eligibility', 'approval', 'archive', 'payment', 'gateway'] as const;

/** How a run of chains went. */
interface ChainsRun {
  seconds: number;
  failed: number;
  /** Decision → next task in the inbox (street → county; community → street less the 1 s publicity). */
  decisions: number[];
}

/** Drives `total` chains, `concurrency` in flight; prints the whole account unless `brief`. */
async function chains(
  nats: NatsConnection,
  db: Pg,
  total: number,
  concurrency: number,
  brief = false,
): Promise<ChainsRun> {
  await db.query(
    `insert into approval.approval_policy (id, created_at, updated_at, division_code, effective_from, rules, note)
     select gen_random_uuid(), now(), now(), '220103', '2021-07-01', rules || '{"drill": {"publicityMs": 1000}}'::jsonb,
            '基准测试：公示期缩短为1秒（演练设置）'
       from approval.approval_policy where division_code = '22'
        and not exists (select 1 from approval.approval_policy where division_code = '220103')`,
  );
  const applicants = await freshIdNumbers(db, total);
  /** Decision → next task in the inbox, by the stage of the task that appeared. */
  const inboxLatency: Record<string, number[]> = { COMMUNITY: [], STREET: [], COUNTY: [] };
  /** A decision sent → its answer (filed, task closed). */
  const decisionLatency: number[] = [];
  let failed = 0;
  let documents = 0;
  // One poller reads the inbox (and the outcomes) of every chain in flight every 20 ms — as many staff refreshing
  // their inboxes would, but in one query, so the benchmark's own polling does not load the database it measures.
  const waiting = new Map<
    string,
    (task: { id: string; stage: string } | { outcome: string; docs: number; enrolled: boolean }) => void
  >();
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const ids = [...waiting.keys()];
      if (ids.length) {
        const { rows: tasks } = await db.query<{ application_id: string; id: string; stage: string }>(
          `select application_id, id, stage from approval.task where status = 'OPEN' and application_id = any($1)`,
          [ids],
        );
        const { rows: ended } = await db.query<{ id: string; status: string; docs: string; enrolled: boolean }>(
          `select a.id, a.status, (select count(*) from archive.document d where d.application_id = a.id) as docs,
                  exists (select 1 from payment.enrolment e where e.application_id = a.id) as enrolled
             from intake.application a where a.id = any($1) and a.status in ('APPROVED', 'REJECTED')`,
          [ids],
        );
        for (const task of tasks) {
          waiting.get(task.application_id)?.({ id: task.id, stage: task.stage });
          waiting.delete(task.application_id);
        }
        for (const end of ended) {
          waiting.get(end.id)?.({ outcome: end.status, docs: Number(end.docs), enrolled: end.enrolled });
          waiting.delete(end.id);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const next = (applicationId: string) =>
    new Promise<{ id: string; stage: string } | { outcome: string; docs: number; enrolled: boolean }>((resolve) =>
      waiting.set(applicationId, resolve),
    );
  const one = async () => {
    const applicantIdNumber = applicants.pop()!;
    const application = await natsRequest<{ id: string }>(
      nats,
      SUBJECTS.intake.applicationSubmit,
      {
        idempotencyKey: `bench-chain-${randomUUID()}`,
        divisionCode: COMMUNITY,
        applicantName: '性能测试',
        applicantIdNumber,
        householdSize: 1,
        reason: '审批链基准测试',
        // The head's own account, so the approved chain enrols the household for payment.
        details: {
          dataCheckConsent: true,
          paymentAccount: {
            bankName: '吉林农村商业银行',
            bankCode: 'JLRCB',
            accountNo: `6217${applicantIdNumber.slice(6, 17)}`,
            holderIdNumber: applicantIdNumber,
          },
        },
      },
      CASEWORKER,
      60_000,
    );
    let after = performance.now();
    for (;;) {
      const task = await next(application.id);
      if ('outcome' in task) {
        throw new Error(`chain of ${application.id} ended ${task.outcome} before the county decided`);
      }
      inboxLatency[task.stage].push(performance.now() - after);
      after = performance.now();
      const reply = await natsRequest<DecisionReply>(
        nats,
        SUBJECTS.approval.taskDecide,
        { taskId: task.id, decision: 'APPROVE', opinion: '基准测试：同意', idempotencyKey: randomUUID() },
        BY_STAGE[task.stage],
        60_000,
      );
      decisionLatency.push(performance.now() - after);
      if (reply.next === 'APPROVED') {
        break;
      }
    }
    // The outcome: confirmation notice, enrolment, publication filed and the application APPROVED.
    const end = await next(application.id);
    if (!('outcome' in end) || end.outcome !== 'APPROVED' || !end.enrolled) {
      throw new Error(`chain of ${application.id} did not end APPROVED with the household enrolled`);
    }
    documents += end.docs;
  };
  const cpuBefore = cpuSeconds(PROCESSES);
  const started = performance.now();
  let begun = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (begun < total) {
        begun += 1;
        await one().catch((error: unknown) => {
          failed += 1;
          console.error(String(error).slice(0, 300));
        });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuSeconds(PROCESSES);
  polling = false;
  await poller;
  const decisions = [...inboxLatency.COUNTY, ...inboxLatency.STREET.map((ms) => ms - 1000)];
  if (brief) {
    return { seconds, failed, decisions };
  }
  console.log(`approval chain: ${total} chains, ${concurrency} in flight, 3 decisions each, publicity 1 s (drill)`);
  console.log(`  completed ${total - failed}, failed or stuck ${failed}, in ${seconds.toFixed(1)} s`);
  console.log(`  chains completed per second: ${((total - failed) / seconds).toFixed(2)}`);
  console.log(`  decision → next task in the inbox (both decisions, less the 1 s publicity): ${latency(decisions)}`);
  console.log(`    a decision sent → its answer (the record filed): ${latency(decisionLatency)}`);
  console.log(`    street decision → county task: ${latency(inboxLatency.COUNTY)}`);
  console.log(`    community decision → street task (1 s publicity between): ${latency(inboxLatency.STREET)}`);
  console.log(
    `    submission → community task (receipt, policy, assessment filed): ${latency(inboxLatency.COMMUNITY)}`,
  );
  console.log(`  documents filed: ${documents} (${(documents / seconds).toFixed(1)}/s)`);
  console.log(
    `  CPU seconds during the run: ${cpuSpent(cpuBefore, cpuAfter)} (of ${seconds.toFixed(0)} s wall, 2 cores)`,
  );
  console.log(`  CPU milliseconds per chain: ${cpuSpent(cpuBefore, cpuAfter, (total - failed) / 1000, 0)}`);
  return { seconds, failed, decisions };
}

/**
 * The latency at loads below saturation: for each number in flight (BENCH_PROBE, e.g. "1,2,4,8"), 10 chains per
 * chain in flight (at least 20); the rate each sustains and its decision → next task latency.
 */
async function probe(nats: NatsConnection, db: Pg, levels: number[]): Promise<void> {
  console.log('approval chain below saturation (decision → next task in the inbox):');
  for (const concurrency of levels) {
    const total = Math.max(20, 10 * concurrency);
    const run = await chains(nats, db, total, concurrency, true);
    console.log(
      `  ${concurrency} in flight: ${((total - run.failed) / run.seconds).toFixed(2)} chains/s, ${latency(run.decisions)}, failed or stuck ${run.failed}`,
    );
  }
}

async function bare(): Promise<void> {
  const taskQueue = `bench-bare-${randomUUID()}`;
  const nativeConnection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection: nativeConnection,
    namespace: NAMESPACE,
    taskQueue,
    workflowsPath: require.resolve('./bare/bare-chain.workflow'),
    bundlerOptions,
    activities: { noop: () => Promise.resolve() },
  });
  const running = worker.run();
  const connection = await Connection.connect({ address: TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: NAMESPACE });
  const cpuBefore = cpuSeconds(['temporal']);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < TOTAL) {
        next += 1;
        const handle = await client.workflow.start('bareChainWorkflow', {
          args: [1000],
          taskQueue,
          workflowId: `bench-bare-${randomUUID()}`,
        });
        for (let stage = 0; stage < 3; stage += 1) {
          await handle.executeUpdate(decideUpdate, {
            args: [
              {
                taskId: randomUUID(),
                decision: 'APPROVE',
                opinion: 'bare',
                actor: { userId: 'b', username: 'b', roles: [], divisionCode: '22' },
                decidedAt: new Date().toISOString(),
              },
            ],
          });
        }
        await handle.result();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  // PostgreSQL and NATS are not part of a bare workflow (and connections closing meanwhile take their CPU along).
  const { postgres: _p, nats: _n, ...cpuAfter } = cpuSeconds(['temporal']);
  console.log(
    `bare workflow of the same shape (11 no-op local activities, 3 updates, 1 s publicity), same server: ${(TOTAL / seconds).toFixed(2)} workflows/s`,
  );
  // `bench` is this process: the bare workflow's worker and its client.
  console.log(`  CPU milliseconds per workflow: ${cpuSpent(cpuBefore, cpuAfter, TOTAL / 1000, 0)}`);
  worker.shutdown();
  await running;
  await connection.close();
  await nativeConnection.close();
}

async function main(): Promise<void> {
  const nats = await connect({ servers: NATS_SERVERS });
  const db = new Pg({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    await chains(nats, db, TOTAL, CONCURRENCY);
    await bare();
    if (PROBE.length) {
      await probe(nats, db, PROBE);
    }
  } finally {
    await nats.close();
    await db.end();
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
