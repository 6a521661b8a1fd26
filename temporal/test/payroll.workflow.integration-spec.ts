import { randomUUID } from 'node:crypto';

import type { INestMicroservice } from '@nestjs/common';
import type { NativeConnection, Worker } from '@temporalio/worker';

import { QUEUE_GROUPS, type RequestOf, type RequestSubject, SUBJECTS } from '@app/contracts';
import {
  PAYROLL_SCHEDULE_ID,
  PAYROLL_WORKFLOW_TYPE,
  type PayrollInput,
  type PayrollResult,
  TASK_QUEUES,
} from '@app/contracts/temporal';
import { DEMO_BANKS } from '@app/domain';
import { MessagingClient, TemporalClientService } from '@app/platform';
import { AppModule as ArchiveAppModule } from '@apps/archive/src/app.module';
import { BlobStore } from '@apps/archive/src/blobs/blob-store';
import { AppModule as PaymentAppModule } from '@apps/payment/src/app.module';
import { PayrollScheduleService } from '@apps/payment/src/payroll/payroll-schedule.service';
import { signedAuth } from '@test/support/bank-auth';
import { as, CALLERS } from '@test/support/callers';
import { makeIdNumber } from '@test/support/factories/application.factory';
import { startService } from '@test/support/services';
import { TEST_ENV } from '@test/support/test-env';

import { createWorker } from '../src/worker/create-worker';

/**
 * The monthly payroll workflow against the real Temporal dev server and the real payment service: lines in
 * chunks, batches per bank, the banks' results awaited, the month reconciled; run again, the same lines.
 * Month 2025-01 belongs to this file: before every other file's enrolments start (the service test's 2031, the
 * approval chain's next month), so no other file's line joins it, and carrying failed lines of earlier months
 * never moves another file's lines; every line here is paid, so nothing of this file is carried either.
 */
describe('monthlyPayrollWorkflow (real Temporal, NATS, PostgreSQL)', () => {
  let payment: INestMicroservice;
  let archive: INestMicroservice;
  let worker: Worker;
  let connection: NativeConnection;
  let running: Promise<void>;
  let client: MessagingClient;
  let temporal: TemporalClientService;
  const call = <S extends RequestSubject>(subject: S, request: RequestOf<S>, who = CALLERS.county1) =>
    as(who, () => client.request(subject, request));

  /** Every bank answers this cycle's unsettled batches (only those: other files pay their own months). */
  const banksAnswer = async (): Promise<number> => {
    let answered = 0;
    for (const bank of DEMO_BANKS) {
      const { items } = await call(
        SUBJECTS.payment.bankBatchList,
        { auth: signedAuth(bank, 'GET', '/bank/v1/batches') },
        CALLERS.system,
      );
      for (const batch of items.filter((item) => item.batchId.startsWith('202501-'))) {
        const lines = await call(
          SUBJECTS.payment.bankBatchLines,
          { auth: signedAuth(bank, 'GET', `/bank/v1/batches/${batch.batchId}/lines`), batchId: batch.batchId },
          CALLERS.system,
        );
        const results = lines.items
          .filter((line) => line.status === 'PENDING')
          .map((line) =>
            line.accountNo.endsWith('13')
              ? {
                  lineId: line.lineId,
                  outcome: 'FAILED' as const,
                  amountFen: line.amountFen,
                  failureCode: 'ACCOUNT_CLOSED' as const,
                }
              : {
                  lineId: line.lineId,
                  outcome: 'PAID' as const,
                  amountFen: line.amountFen,
                  bankReference: `T${line.lineId}`,
                },
          );
        if (results.length > 0) {
          const path = `/bank/v1/batches/${batch.batchId}/results`;
          await call(
            SUBJECTS.payment.bankResultsPost,
            { auth: signedAuth(bank, 'POST', path, { results }), batchId: batch.batchId, results },
            CALLERS.system,
          );
          answered += results.length;
        }
      }
    }
    return answered;
  };

  beforeAll(async () => {
    [payment, archive] = await Promise.all([
      startService(PaymentAppModule, QUEUE_GROUPS.payment),
      startService(ArchiveAppModule, QUEUE_GROUPS.archive),
    ]);
    client = payment.get(MessagingClient);
    temporal = payment.get(TemporalClientService);
    ({ worker, connection } = await createWorker({
      address: TEST_ENV.temporalAddress,
      namespace: TEST_ENV.temporalNamespace,
      taskQueue: TASK_QUEUES.payroll,
      messaging: client,
    }));
    running = worker.run();
  }, 120_000);

  afterAll(async () => {
    worker.shutdown();
    await running;
    await connection.close();
    await Promise.all([payment.close(), archive.close()]);
  });

  it('pays a month end to end: chunks, batches, bank results, reconciliation; a re-run adds no line', async () => {
    const accounts = ['6217000022220001', '6217000022220003', '6217000022220002'];
    const enrolled = await Promise.all(
      accounts.map((accountNo, i) =>
        call(SUBJECTS.payment.enrolmentCreate, {
          idempotencyKey: randomUUID(),
          householdId: randomUUID(),
          divisionCode: i === 2 ? '220102002001' : '220102001001',
          headName: '赵工资',
          headIdNumber: makeIdNumber(),
          bankCode: DEMO_BANKS[i % 2].code,
          accountNo,
          baseFen: 40_000 + i,
          supplementFen: 5_000,
          firstMonth: '2025-01',
          decision: '南关区民政局审核确认（测试）',
        }),
      ),
    );
    const input: PayrollInput = { month: '2025-01', chunks: 4, batchSize: 2, settlementWaitMs: 60_000, pollMs: 300 };
    const handle = await temporal.client.workflow.start(PAYROLL_WORKFLOW_TYPE, {
      workflowId: `payroll-test-${randomUUID()}`,
      taskQueue: TASK_QUEUES.payroll,
      args: [input],
    });
    // The banks answer whatever is pending (other files' months too) until this month has nothing pending;
    // the workflow notices on its next look.
    const deadline = Date.now() + 45_000;
    for (;;) {
      await banksAnswer();
      const statement = await call(SUBJECTS.payment.payrollStatement, { month: '2025-01' }, CALLERS.system);
      if (statement.totals.lines >= 3 && statement.totals.pendingLines === 0) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(`2025-01 still has ${statement.totals.pendingLines} pending lines`);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const result = (await handle.result()) as PayrollResult;
    expect(result).toMatchObject({ month: '2025-01', pendingFen: 0, balanced: true });
    expect(result.rostersFiled).toBeGreaterThanOrEqual(2);

    // Each community's roster is in the archive as an accounting record (a PDF), not in a household file.
    const records = await call(SUBJECTS.archive.accountingRecordList, {
      period: '2025-01',
      divisionCode: '220102001001',
    });
    expect(records.items[0]).toMatchObject({
      recordType: 'PAYMENT_ROSTER',
      divisionCode: '220102001001',
      period: '2025-01',
      title: '最低生活保障金发放花名册（2025-01）',
      mediaType: 'application/pdf',
    });
    expect(records.items[0]).toMatchObject({ category: 'ACCOUNTING', retentionCode: 'D30', retainUntil: '2055-12-31' });
    // And the county's monthly statistics report, an administrative record, with the month's figures.
    expect(result.reportsFiled).toBeGreaterThanOrEqual(1);
    const reports = await call(SUBJECTS.archive.accountingRecordList, { period: '2025-01', divisionCode: '220102' });
    const monthly = reports.items.find((item) => item.recordType === 'STATISTICS_MONTHLY');
    expect(monthly).toMatchObject({
      divisionCode: '220102',
      title: '最低生活保障统计月报（2025-01）',
      category: 'ADMINISTRATIVE',
      retainUntil: '2030-12-31',
    });
    const figures = await call(SUBJECTS.payment.statisticsGet, { recordType: 'STATISTICS_MONTHLY', period: '2025-01' });
    const county = figures.counties.find((entry) => entry.countyCode === '220102')!;
    const paidFen = county.rows.reduce((sum, row) => sum + row.paidFen, 0);
    expect(paidFen).toBe(result.paidFen);
    await expect(
      call(SUBJECTS.payment.statisticsGet, { recordType: 'STATISTICS_ANNUAL', period: '2025-01' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const pdf = await archive.get(BlobStore).get(records.items[0].sha256);
    expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    const content = await call(SUBJECTS.archive.accountingRecordGetContent, { recordId: records.items[0].id });
    expect(Buffer.from(content.contentBase64, 'base64').equals(pdf!)).toBe(true);
    await expect(
      call(SUBJECTS.archive.accountingRecordGetContent, { recordId: records.items[0].id }, CALLERS.otherCounty),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(SUBJECTS.archive.accountingRecordList, { divisionCode: '220104' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(result.lines).toBeGreaterThanOrEqual(3);

    const history = await call(SUBJECTS.payment.historyGet, { householdId: enrolled[0].householdId });
    expect(history.items.find((item) => item.month === '2025-01')).toMatchObject({ status: 'PAID', amountFen: 45_000 });
    const events = (await handle.fetchHistory()).events ?? [];
    expect(events.length).toBeLessThan(400);

    const again = await temporal.client.workflow.execute(PAYROLL_WORKFLOW_TYPE, {
      workflowId: `payroll-test-${randomUUID()}`,
      taskQueue: TASK_QUEUES.payroll,
      args: [{ ...input, settlementWaitMs: 0 }],
    });
    expect(again).toMatchObject({ month: '2025-01', lines: result.lines, pendingFen: 0, balanced: true });
    // The same rosters again: the same records, none added.
    const after = await call(SUBJECTS.archive.accountingRecordList, {
      period: '2025-01',
      divisionCode: '220102001001',
    });
    expect(after.items.map((item) => item.id)).toEqual(records.items.map((item) => item.id));
  }, 90_000);

  it('keeps the monthly Schedule on the configured day in Beijing time', async () => {
    const schedules = payment.get(PayrollScheduleService);
    const handle = temporal.client.schedule.getHandle(PAYROLL_SCHEDULE_ID);
    await handle.delete().catch(() => undefined);
    try {
      await schedules.ensure();
      const description = await handle.describe();
      expect(description.spec.timezone).toBe('Asia/Shanghai');
      expect(description.spec.calendars?.[0]).toMatchObject({
        dayOfMonth: [expect.objectContaining({ start: 5 })],
        hour: [expect.objectContaining({ start: 2 })],
      });
      expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: PAYROLL_WORKFLOW_TYPE });
      await schedules.ensure(); // already there and unchanged: nothing to do, no error
    } finally {
      await handle.delete().catch(() => undefined);
    }
  });
});
