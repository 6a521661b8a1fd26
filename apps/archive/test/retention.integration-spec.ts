import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';

import type { INestMicroservice } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import {
  type DocumentReply,
  ErrorCode,
  type FileAccountingRecordRequest,
  QUEUE_GROUPS,
  SUBJECTS,
} from '@app/contracts';
import { beijingDate } from '@app/domain';
import { MessagingClient } from '@app/platform';
import { AppModule as PaymentAppModule } from '@apps/payment/src/app.module';
import { as, CALLERS } from '@test/support/callers';
import { receiptFiling } from '@test/support/factories/archive.factory';
import { startService } from '@test/support/services';

import { AppModule as ArchiveAppModule } from '../src/app.module';
import { BlobStore } from '../src/blobs/blob-store';
import { FilesystemBlobStore } from '../src/blobs/filesystem-blob-store';

describe('retention and disposal of household files (real PostgreSQL, NATS and blob store)', () => {
  let app: INestMicroservice;
  let payment: INestMicroservice;
  let client: MessagingClient;
  const system = <T>(fn: () => Promise<T>) => as(CALLERS.system, fn);
  const archivist = <T>(fn: () => Promise<T>) => as(CALLERS.archivist1, fn);

  const fileOne = (): Promise<DocumentReply> =>
    system(() => client.request(SUBJECTS.archive.documentFile, receiptFiling()));

  const recordEvent = (householdId: string, event: 'BENEFIT_ENDED' | 'BENEFIT_RESUMED' | 'CASE_CLOSED', on: string) =>
    system(() =>
      client.request(SUBJECTS.archive.retentionRecord, {
        idempotencyKey: randomUUID(),
        householdId,
        event,
        occurredOn: on,
        basis: '南关区民政局停保决定（测试）',
      }),
    );

  beforeAll(async () => {
    // A disposal asks the payment service whether benefits still run.
    [app, payment] = await Promise.all([
      startService(ArchiveAppModule, QUEUE_GROUPS.archive),
      startService(PaymentAppModule, QUEUE_GROUPS.payment),
    ]);
    client = app.get(MessagingClient);
  });

  afterAll(async () => {
    await Promise.all([app.close(), payment.close()]);
  });

  it('starts the clock when benefits end, stops it when they resume, and lists files that are due', async () => {
    const item = await fileOne();
    expect(await recordEvent(item.householdId, 'BENEFIT_ENDED', '2019-01-01')).toMatchObject({
      retainUntil: '2023-12-31',
      disposedAt: null,
    });
    const due = await archivist(() => client.request(SUBJECTS.archive.retentionAppraisal, {}));
    expect(due.items.map((file) => file.householdId)).toContain(item.householdId);
    const figures = await archivist(() => client.request(SUBJECTS.archive.statisticsGet, {}));
    expect(figures.filesClosedByMonth.find((month) => month.month === '2019-01')?.files).toBeGreaterThanOrEqual(1);
    expect((await recordEvent(item.householdId, 'BENEFIT_RESUMED', '2019-06-01')).retainUntil).toBeNull();
    const after = await archivist(() => client.request(SUBJECTS.archive.retentionAppraisal, {}));
    expect(after.items.map((file) => file.householdId)).not.toContain(item.householdId);
  });

  it('refuses to dispose of a file that is not due, and lets no one but an archivist decide', async () => {
    const item = await fileOne();
    const decide = (who = CALLERS.archivist1) =>
      as(who, () =>
        client.request(SUBJECTS.archive.disposalDecide, {
          idempotencyKey: randomUUID(),
          householdId: item.householdId,
          decision: 'DESTROY',
          basis: '鉴定小组意见（测试）',
        }),
      );
    await expect(decide()).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    await recordEvent(item.householdId, 'CASE_CLOSED', beijingDate(new Date()));
    await expect(decide()).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    await recordEvent(item.householdId, 'CASE_CLOSED', '2018-05-01');
    await expect(decide(CALLERS.county1)).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
  });

  it('extends or destroys only by a recorded decision; a destroyed file keeps its code and items, not its bytes', async () => {
    const item = await fileOne();
    const store = app.get<BlobStore, FilesystemBlobStore>(BlobStore);
    await recordEvent(item.householdId, 'BENEFIT_ENDED', '2018-01-01');

    const extended = await archivist(() =>
      client.request(SUBJECTS.archive.disposalDecide, {
        idempotencyKey: randomUUID(),
        householdId: item.householdId,
        decision: 'EXTEND',
        extendYears: 2,
        basis: '涉及信访，延长保管两年',
      }),
    );
    expect(extended).toMatchObject({ decision: 'EXTEND', extendYears: 2, decidedBy: 'archivist1' });
    const file = await archivist(() => client.request(SUBJECTS.archive.fileGet, { householdId: item.householdId }));
    expect(file.items).toHaveLength(1);

    const key = randomUUID();
    const destroy = () =>
      archivist(() =>
        client.request(SUBJECTS.archive.disposalDecide, {
          idempotencyKey: key,
          householdId: item.householdId,
          decision: 'DESTROY',
          basis: '2026年第1次鉴定会议纪要',
        }),
      );
    const destroyed = await destroy();
    expect(destroyed).toMatchObject({ decision: 'DESTROY', itemCount: 1, referenceCode: file.referenceCode });
    expect(destroyed.registerNo).toBeGreaterThan(extended.registerNo);
    expect((await destroy()).id).toBe(destroyed.id);
    expect(existsSync(store.pathOf(item.sha256))).toBe(false);

    await expect(
      archivist(() => client.request(SUBJECTS.archive.documentGetContent, { documentId: item.id })),
    ).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    const kept = await archivist(() => client.request(SUBJECTS.archive.fileGet, { householdId: item.householdId }));
    expect(kept).toMatchObject({ referenceCode: file.referenceCode, itemCount: 1 });
    expect(
      (await archivist(() => client.request(SUBJECTS.archive.fixityVerifyFile, { householdId: item.householdId }))).ok,
    ).toBe(true);

    const register = await archivist(() => client.request(SUBJECTS.archive.disposalList, { decision: 'DESTROY' }));
    expect(register.items.map((entry) => entry.id)).toContain(destroyed.id);
    const sql = app.get(EntityManager).fork().getConnection();
    await expect(sql.execute(`delete from archive.disposal where id = ?`, [destroyed.id])).rejects.toThrow(
      'append-only',
    );
  });

  it('keeps a held file (保全) from destruction until the hold is lifted, each on a stated basis', async () => {
    const item = await fileOne();
    const store = app.get<BlobStore, FilesystemBlobStore>(BlobStore);
    await recordEvent(item.householdId, 'CASE_CLOSED', '2018-03-01');
    const holdKey = randomUUID();
    const hold = (who = CALLERS.archivist1, body: Record<string, unknown> = {}) =>
      as(who, () =>
        client.request(SUBJECTS.archive.holdPlace, {
          idempotencyKey: holdKey,
          householdId: item.householdId,
          kind: 'APPEAL',
          basis: '长春市民政局行政复议受理通知书〔2026〕12号',
          ...body,
        }),
      );
    const placed = await hold();
    expect(placed).toMatchObject({ kind: 'APPEAL', placedBy: 'archivist1', liftedAt: null, liftBasis: null });
    // The same key again: the same hold; with other content: refused, nothing placed.
    expect((await hold()).id).toBe(placed.id);
    await expect(hold(CALLERS.archivist1, { kind: 'AUDIT' })).rejects.toMatchObject({
      code: ErrorCode.IDEMPOTENCY_CONFLICT,
    });
    await expect(hold(CALLERS.county1, { idempotencyKey: randomUUID() })).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
    await expect(hold(CALLERS.archivist1, { idempotencyKey: randomUUID(), kind: 'GRUDGE' })).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [expect.objectContaining({ field: 'kind' })],
    });
    // A second hold (an audit) on the same file.
    const audit = await hold(CALLERS.archivist1, {
      idempotencyKey: randomUUID(),
      kind: 'AUDIT',
      basis: '南关区审计局审计通知书〔2026〕3号',
    });

    // Due, so listed for appraisal, with its holds; destroying it is refused and removes nothing.
    const due = await archivist(() => client.request(SUBJECTS.archive.retentionAppraisal, {}));
    expect(due.items.find((file) => file.householdId === item.householdId)?.holds.map((h) => h.id)).toEqual([
      placed.id,
      audit.id,
    ]);
    const destroy = () =>
      archivist(() =>
        client.request(SUBJECTS.archive.disposalDecide, {
          idempotencyKey: randomUUID(),
          householdId: item.householdId,
          decision: 'DESTROY',
          basis: '2026年第2次鉴定会议纪要',
        }),
      );
    await expect(destroy()).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      staffMessage: expect.stringContaining('行政复议（长春市民政局行政复议受理通知书〔2026〕12号）；审计'),
    });
    expect(existsSync(store.pathOf(item.sha256))).toBe(true);

    // Lifting one leaves the other in force; lifting both lets the decision through.
    const lift = (holdId: string, basis: string) =>
      archivist(() => client.request(SUBJECTS.archive.holdLift, { holdId, basis }));
    const lifted = await lift(placed.id, '行政复议决定书〔2026〕12号：维持原决定');
    expect(lifted).toMatchObject({ liftedBy: 'archivist1', liftBasis: '行政复议决定书〔2026〕12号：维持原决定' });
    // Lifting again changes nothing, its first basis kept.
    expect(await lift(placed.id, '另一理由')).toEqual(lifted);
    await expect(destroy()).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    const inForce = await archivist(() => client.request(SUBJECTS.archive.holdList, { householdId: item.householdId }));
    expect(inForce.items.map((h) => h.id)).toEqual([audit.id]);
    // The whole province's holds in force, as the system sees them.
    expect((await system(() => client.request(SUBJECTS.archive.holdList, {}))).items.map((h) => h.id)).toContain(
      audit.id,
    );
    const every = await archivist(() =>
      client.request(SUBJECTS.archive.holdList, { householdId: item.householdId, active: false }),
    );
    expect(every.items.map((h) => h.id).sort()).toEqual([placed.id, audit.id].sort());
    await lift(audit.id, '审计结论已出具');
    expect(await destroy()).toMatchObject({ decision: 'DESTROY' });
    expect(existsSync(store.pathOf(item.sha256))).toBe(false);
    // A destroyed file takes no hold; a hold is lifted only once, and never deleted.
    await expect(hold(CALLERS.archivist1, { idempotencyKey: randomUUID() })).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
    });
    const sql = app.get(EntityManager).fork().getConnection();
    await expect(sql.execute(`update archive.legal_hold set basis = 'x' where id = ?`, [placed.id])).rejects.toThrow(
      'only ever lifted',
    );
    await expect(sql.execute(`delete from archive.legal_hold where id = ?`, [audit.id])).rejects.toThrow(
      'never deleted',
    );
  });

  it('starts the clock when the payment service terminates the enrolment, and keeps a file whose benefits still run', async () => {
    // Under the filed item's application: the change's decision is filed there too.
    const enrol = async (filed: { householdId: string; applicationId: string }, firstMonth: string) =>
      system(() =>
        client.request(SUBJECTS.payment.enrolmentCreate, {
          idempotencyKey: randomUUID(),
          householdId: filed.householdId,
          applicationId: filed.applicationId,
          divisionCode: '220102001001',
          headName: '孙保管',
          headIdNumber: '11010519491231002X',
          bankCode: 'JLRCB',
          accountNo: `62170000${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`.replace(/(13|27)$/, '55'),
          baseFen: 40_000,
          supplementFen: 0,
          firstMonth,
          decision: '南关区民政局审核确认（测试）',
        }),
      );
    const change = (enrolmentId: string, kind: 'TERMINATE' | 'SUSPEND', effectiveMonth: string) =>
      system(() =>
        client.request(SUBJECTS.payment.enrolmentChange, {
          idempotencyKey: randomUUID(),
          enrolmentId,
          kind,
          effectiveMonth,
          decision: '南关区民政局变更决定（测试）',
          reason: '测试',
        }),
      );

    const ended = await fileOne();
    await change((await enrol(ended, '2018-11')).id, 'TERMINATE', '2019-01');
    const file = await archivist(() => client.request(SUBJECTS.archive.retentionAppraisal, {}));
    expect(file.items.find((due) => due.householdId === ended.householdId)).toMatchObject({
      retainUntil: '2023-12-31',
    });

    // Suspended is not ended: the file is kept, whatever its clock says.
    const suspended = await fileOne();
    await change((await enrol(suspended, '2018-11')).id, 'SUSPEND', '2019-01');
    await recordEvent(suspended.householdId, 'CASE_CLOSED', '2018-01-01');
    await expect(
      archivist(() =>
        client.request(SUBJECTS.archive.disposalDecide, {
          idempotencyKey: randomUUID(),
          householdId: suspended.householdId,
          decision: 'DESTROY',
          basis: '鉴定小组意见（测试）',
        }),
      ),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT, staffMessage: '该户仍在保障中，档案不能销毁' });
  });

  describe('records kept apart from household files', () => {
    const report = (recordType: string, period: string, divisionCode = '220102') => ({
      idempotencyKey: randomUUID(),
      recordType,
      divisionCode,
      period,
      workflowId: 'payroll-test',
      step: 'statistics-report',
      createdBy: 'system',
      rows: [{ divisionCode: '220102001001', households: 3, payments: 3, paidFen: 141_000, failedFen: 0 }],
    });
    /** Untyped on purpose: the bad-input cases send what the contract refuses. */
    const fileRecord = (request: object) =>
      system(() => client.request(SUBJECTS.archive.accountingRecordFile, request as FileAccountingRecordRequest));

    it('keeps statistics reports 5 years after their year (annual ones for good) and lists those due', async () => {
      const monthly = await fileRecord(report('STATISTICS_MONTHLY', '2018-11'));
      expect(monthly).toMatchObject({
        category: 'ADMINISTRATIVE',
        retentionCode: 'D5',
        retainUntil: '2023-12-31',
        period: '2018-11',
        title: '最低生活保障统计月报（2018-11）',
      });
      const quarterly = await fileRecord(report('STATISTICS_QUARTERLY', '2018-Q4'));
      expect(quarterly).toMatchObject({ period: '2018-Q4', retainUntil: '2023-12-31' });
      const annual = await fileRecord(report('STATISTICS_ANNUAL', '2018'));
      expect(annual).toMatchObject({ period: '2018', retentionCode: 'Y', retainUntil: null });
      const pdf = await app.get(BlobStore).get(annual.sha256);
      expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');

      const due = await archivist(() => client.request(SUBJECTS.archive.retentionAppraisal, {}));
      const dueIds = due.records.map((record) => record.id);
      expect(dueIds).toEqual(expect.arrayContaining([monthly.id, quarterly.id]));
      expect(dueIds).not.toContain(annual.id);
      // Another county's archivist does not see them.
      const elsewhere = await as({ ...CALLERS.archivist1, divisionCode: '220104' }, () =>
        client.request(SUBJECTS.archive.retentionAppraisal, {}),
      );
      expect(elsewhere.records.map((record) => record.id)).not.toContain(monthly.id);
    });

    it('keeps a held report (an audit of the payments) from destruction until the hold is lifted', async () => {
      const monthly = await fileRecord(report('STATISTICS_MONTHLY', '2016-03'));
      const placed = await archivist(() =>
        client.request(SUBJECTS.archive.holdPlace, {
          idempotencyKey: randomUUID(),
          recordId: monthly.id,
          kind: 'AUDIT',
          basis: '南关区审计局低保资金专项审计通知书〔2026〕5号',
        }),
      );
      expect(placed).toMatchObject({
        householdId: null,
        recordId: monthly.id,
        referenceCode: `最低生活保障统计月报（2016-03）（${monthly.divisionCode}）`,
      });
      // Both or neither of file and record: refused.
      await expect(
        archivist(() =>
          client.request(SUBJECTS.archive.holdPlace, {
            idempotencyKey: randomUUID(),
            kind: 'AUDIT',
            basis: '无对象',
          } as never),
        ),
      ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
      const due = await archivist(() => client.request(SUBJECTS.archive.retentionAppraisal, {}));
      expect(due.records.find((record) => record.id === monthly.id)?.holds.map((hold) => hold.id)).toEqual([placed.id]);
      const destroy = () =>
        archivist(() =>
          client.request(SUBJECTS.archive.disposalDecide, {
            idempotencyKey: randomUUID(),
            recordId: monthly.id,
            decision: 'DESTROY',
            basis: '南关区档案鉴定小组意见（测试）',
          }),
        );
      await expect(destroy()).rejects.toMatchObject({
        code: ErrorCode.CONFLICT,
        staffMessage: expect.stringContaining('审计（南关区审计局低保资金专项审计通知书〔2026〕5号）'),
      });
      const listed = await archivist(() => client.request(SUBJECTS.archive.holdList, { recordId: monthly.id }));
      expect(listed.items.map((hold) => hold.id)).toEqual([placed.id]);
      await archivist(() => client.request(SUBJECTS.archive.holdLift, { holdId: placed.id, basis: '审计结束' }));
      expect(await destroy()).toMatchObject({ recordId: monthly.id, decision: 'DESTROY' });
    });

    it('disposes of a record that is due only by a recorded decision, never a permanent one', async () => {
      const monthly = await fileRecord(report('STATISTICS_MONTHLY', '2017-05'));
      const quarterly = await fileRecord(report('STATISTICS_QUARTERLY', '2017-Q2'));
      const annual = await fileRecord(report('STATISTICS_ANNUAL', '2017'));
      const decide = (recordId: string, decision: 'DESTROY' | 'EXTEND', extendYears?: number) =>
        archivist(() =>
          client.request(SUBJECTS.archive.disposalDecide, {
            idempotencyKey: randomUUID(),
            recordId,
            decision,
            basis: '南关区档案鉴定小组意见（测试）',
            extendYears,
          }),
        );
      const destroyed = await decide(monthly.id, 'DESTROY');
      expect(destroyed).toMatchObject({ recordId: monthly.id, householdId: null, decision: 'DESTROY', itemCount: 1 });
      expect(await app.get(BlobStore).get(monthly.sha256)).toBeUndefined();
      await expect(
        archivist(() => client.request(SUBJECTS.archive.accountingRecordGetContent, { recordId: monthly.id })),
      ).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
      await expect(decide(monthly.id, 'DESTROY')).rejects.toMatchObject({ code: ErrorCode.CONFLICT });

      await decide(quarterly.id, 'EXTEND', 10);
      const appraisal = await archivist(() => client.request(SUBJECTS.archive.retentionAppraisal, {}));
      expect(appraisal.records.map((record) => record.id)).not.toContain(quarterly.id);
      await expect(decide(annual.id, 'DESTROY')).rejects.toThrow('不能处置：该档案记录永久保管');
      const register = await archivist(() => client.request(SUBJECTS.archive.disposalList, {}));
      expect(register.items.filter((entry) => entry.recordId === quarterly.id)).toHaveLength(1);
      // Outside a recorded decision the record stays as filed.
      await expect(
        app
          .get(EntityManager)
          .fork()
          .getConnection()
          .execute(`update archive.accounting_record set retain_until = '2000-01-01', title = 'x' where id = ?`, [
            annual.id,
          ]),
      ).rejects.toThrow('append-only');
    });

    it('refuses a report for a community, a quarter given as a month, and a roster without lines', async () => {
      await expect(fileRecord(report('STATISTICS_MONTHLY', '2018-11', '220102001001'))).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        details: [{ field: 'divisionCode', messages: ['统计报表应按县级行政区划报送（6位代码）'] }],
      });
      await expect(fileRecord(report('STATISTICS_QUARTERLY', '2018-11'))).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        details: [{ field: 'period', messages: ['季度格式应为YYYY-Qn（n为1至4）'] }],
      });
      const { rows: _rows, ...roster } = report('PAYMENT_ROSTER', '2018-11', '220102001001');
      await expect(fileRecord(roster)).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
      const count = await app
        .get(EntityManager)
        .fork()
        .getConnection()
        .execute(
          `select count(*)::int as n from archive.accounting_record where period = '2018-11-01' and division_code like '2201020010%'`,
        );
      expect(count[0].n).toBe(0);
    });
  });
});
