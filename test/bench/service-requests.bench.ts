import { randomUUID } from 'node:crypto';

import { connect, type NatsConnection } from 'nats';
import { Client as Pg } from 'pg';

import { type Caller, SUBJECTS } from '@app/contracts';
import { SYSTEM_CALLER } from '@app/platform';
import { makeIdNumber } from '@test/support/factories/application.factory';

import { natsRequest } from './support/nats-request';
import { cpuSeconds } from './support/process-cpu';

const NATS_SERVERS = process.env.NATS_SERVERS ?? 'nats://127.0.0.1:4222';
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/dibao';
const N = Number(process.env.BENCH_REQUESTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
/** Only the requests whose label contains one of these (e.g. "archive,task"); all when unset. */
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);

async function measure(
  nats: NatsConnection,
  label: string,
  service: string,
  subject: string,
  body: (i: number) => unknown,
  caller: Caller = SYSTEM_CALLER,
): Promise<void> {
  if (ONLY.length && !ONLY.some((part) => label.includes(part))) {
    return;
  }
  const before = cpuSeconds([service]);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        const i = next++;
        await natsRequest(nats, subject, body(i), caller);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = cpuSeconds([service]);
  const per = (name: string) => (((after[name] - before[name]) / N) * 1000).toFixed(2);
  console.log(
    `${label.padEnd(34)} ${(N / seconds).toFixed(0).padStart(6)}/s  CPU ms per request: ${service} ${per(service)}, postgres ${per('postgres')}, nats ${per('nats')}, bench ${per('bench')}`,
  );
}

async function main(): Promise<void> {
  const nats = await connect({ servers: NATS_SERVERS });
  const db = new Pg({ connectionString: DATABASE_URL });
  await db.connect();
  const { rows } = await db.query<{ id: string; household_id: string }>(
    `select id, household_id from intake.application where status = 'APPROVED' order by created_at desc limit 200`,
  );
  const ids = rows.map((row) => row.id);
  const householdIds = rows.map((row) => row.household_id);
  await measure(nats, 'approval.calendar.dueDate (no SQL)', 'approval', SUBJECTS.approval.calendarDueDate, () => ({
    from: '2026-11-02',
    workingDays: 30,
  }));
  // A draft: the household, its member and the application stored, without the approval chain a submission starts.
  await measure(
    nats,
    'intake.application.submit (a draft)',
    'intake',
    SUBJECTS.intake.applicationSubmit,
    () => ({
      idempotencyKey: `bench-requests-${randomUUID()}`,
      divisionCode: '220103002001',
      applicantName: '性能测试',
      applicantIdNumber: makeIdNumber(),
      householdSize: 1,
      reason: '请求基准测试',
      draft: true,
    }),
    {
      userId: randomUUID(),
      username: 'bench-community',
      roles: ['COMMUNITY_CASEWORKER'],
      divisionCode: '220103002001',
    },
  );
  await measure(nats, 'intake.application.get', 'intake', SUBJECTS.intake.applicationGet, (i) => ({
    applicationId: ids[i % ids.length],
  }));
  await measure(nats, 'intake.household.get (revealed)', 'intake', SUBJECTS.intake.householdGet, (i) => ({
    householdId: householdIds[i % householdIds.length],
    reveal: true,
  }));
  await measure(
    nats,
    'intake.application.recordStage (same)',
    'intake',
    SUBJECTS.intake.applicationRecordStage,
    (i) => ({
      applicationId: ids[i % ids.length],
      status: 'APPROVED',
      workflowId: `approval-chain-${ids[i % ids.length]}`,
    }),
  );
  const taskIds = Array.from({ length: N }, () => randomUUID());
  const workflow = `bench-requests-${randomUUID()}`;
  await measure(nats, 'approval.task.open (new)', 'approval', SUBJECTS.approval.taskOpen, (i) => ({
    taskId: taskIds[i],
    applicationId: ids[0],
    applicationNo: 'BENCH',
    householdId: randomUUID(),
    divisionCode: '220103002001',
    workflowId: workflow,
    stage: 'COMMUNITY',
    role: 'COMMUNITY_CASEWORKER',
    attempt: i + 1,
    limitWorkingDays: 10,
    openedOn: '2026-11-02',
  }));
  await measure(nats, 'approval.task.close', 'approval', SUBJECTS.approval.taskClose, (i) => ({
    taskId: taskIds[i],
    outcome: 'APPROVE',
    opinion: '基准测试',
    decidedBy: 'bench',
  }));
  await db.query(`delete from approval.task where workflow_id = $1`, [workflow]);
  // Filed into household files of this run's own (the archive is append-only): no real household's file grows. As
  // in a chain, one household's items are filed one after another: the requests in flight go to different files
  // (items appended to the same file at once would wait on each other and be retried, which a chain never does).
  const benchHouseholds = Array.from({ length: CONCURRENCY }, () => randomUUID());
  const benchApplication = randomUUID();
  await measure(nats, 'archive.document.file (a form)', 'archive', SUBJECTS.archive.documentFile, (i) => ({
    idempotencyKey: `${workflow}:step-${i}`,
    householdId: benchHouseholds[i % CONCURRENCY],
    divisionCode: '220103002001',
    applicationId: benchApplication,
    workflowId: workflow,
    step: `step-${i}`,
    documentType: 'STREET_REVIEW',
    createdBy: 'bench',
    firstFilingStands: true,
    form: {
      title: '街道审核意见',
      subtitle: '申请编号：BENCH',
      fields: [
        { label: '申请人', value: '性能测试' },
        { label: '公民身份号码', value: '220103********1234' },
        { label: '办理环节', value: '街道（乡镇）审核' },
        { label: '决定', value: '同意' },
        { label: '意见', value: '基准测试：同意' },
        { label: '经办人', value: 'bench' },
      ],
      completedAt: new Date().toISOString(),
    },
  }));
  await db.end();
  await nats.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
