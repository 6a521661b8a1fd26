import { randomUUID } from 'node:crypto';

import type { INestMicroservice } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { JSONCodec } from 'nats';

import {
  type CreateEnrolmentRequest,
  ErrorCode,
  type FailureCode,
  QUEUE_GROUPS,
  type RequestOf,
  type RequestSubject,
  SUBJECTS,
} from '@app/contracts';
import { addMonthsToDay, beijingDate, DEMO_BANKS } from '@app/domain';
import { MessagingClient, serviceOrmConfig } from '@app/platform';
import { AppModule as ArchiveAppModule } from '@apps/archive/src/app.module';
import { AppModule as IntakeAppModule } from '@apps/intake/src/app.module';
import { signedAuth } from '@test/support/bank-auth';
import { as, CALLERS } from '@test/support/callers';
import { makeIdNumber } from '@test/support/factories/application.factory';
import { rawNats, startService } from '@test/support/services';
import { TEST_ENV } from '@test/support/test-env';

import { AppModule } from '../src/app.module';
import { paymentOrmSettings } from '../src/mikro-orm.config';

const [JLRCB, PSBC] = DEMO_BANKS;

/**
 * Payment over NATS against the real database: enrolment and its changes, the set-based payroll with its
 * uniqueness guarantee, batches per bank, the signed bank API (and every refusal), re-issue and carry of
 * failed lines, and the statement that reconciles to the fen. Months 2031-xx belong to this file.
 */
describe('payment service (real PostgreSQL, NATS)', () => {
  let app: INestMicroservice;
  /** Changes file their decisions into the household file; an enrolment made by hand names no application. */
  let archive: INestMicroservice;
  let intake: INestMicroservice;
  let client: MessagingClient;
  let orm: MikroORM;
  const call = <S extends RequestSubject>(subject: S, request: RequestOf<S>, who = CALLERS.county1) =>
    as(who, () => client.request(subject, request));
  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
    orm.em.getConnection().execute<T[]>(query, params);
  const enrolment = (overrides: Partial<CreateEnrolmentRequest> = {}): CreateEnrolmentRequest => ({
    idempotencyKey: randomUUID(),
    householdId: randomUUID(),
    applicationId: randomUUID(),
    divisionCode: '220102001001',
    headName: '李发放',
    headIdNumber: makeIdNumber(),
    bankCode: JLRCB.code,
    accountNo: `62170000${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`.replace(/(13|27)$/, '55'),
    baseFen: 47_000,
    supplementFen: 7_700,
    firstMonth: '2031-01',
    decision: '南关区民政局审核确认（测试）',
    ...overrides,
  });
  const runPayroll = async (month: string) => {
    for (let chunk = 0; chunk < 4; chunk += 1) {
      await call(SUBJECTS.payment.payrollGenerate, { month, chunk, chunks: 4 }, CALLERS.system);
    }
    return call(SUBJECTS.payment.payrollBuildBatches, { month, batchSize: 2 }, CALLERS.system);
  };
  const lineOf = async (householdId: string, month: string) => {
    const [line] = await sql<{ id: string; batch_id: string; amount_fen: number; status: string; bank_code: string }>(
      `select id, batch_id, amount_fen, status, bank_code from payment.payroll_line where household_id = ? and month = ?`,
      [householdId, `${month}-01`],
    );
    return line;
  };
  /** The bank answers the household's line of the month (its batch's results, signed as the bank signs them). */
  const answerLine = async (
    householdId: string,
    month: string,
    answer: { outcome: 'PAID'; bankReference: string } | { outcome: 'FAILED'; failureCode: FailureCode },
  ) => {
    const line = await lineOf(householdId, month);
    const results = [{ lineId: Number(line.id), amountFen: line.amount_fen, ...answer }];
    return call(
      SUBJECTS.payment.bankResultsPost,
      {
        auth: signedAuth(JLRCB, 'POST', `/bank/v1/batches/${line.batch_id}/results`, { results }),
        batchId: line.batch_id,
        results,
      },
      CALLERS.system,
    );
  };

  beforeAll(async () => {
    [app, archive, intake] = await Promise.all([
      startService(AppModule, QUEUE_GROUPS.payment),
      startService(ArchiveAppModule, QUEUE_GROUPS.archive),
      startService(IntakeAppModule, QUEUE_GROUPS.intake),
    ]);
    client = app.get(MessagingClient);
    orm = await MikroORM.init({
      ...serviceOrmConfig(paymentOrmSettings, TEST_ENV.databaseUrl),
      allowGlobalContext: true,
    });
  });

  afterAll(async () => {
    await orm.close(true);
    await Promise.all([app.close(), archive.close(), intake.close()]);
  });

  describe('enrolment', () => {
    it('enrols once per key and per household, masks what staff see, and refuses bad input', async () => {
      const request = enrolment();
      const created = await call(SUBJECTS.payment.enrolmentCreate, request);
      expect(created).toMatchObject({
        status: 'ACTIVE',
        firstMonth: '2031-01',
        terms: [{ fromMonth: '2031-01', toMonth: null, state: 'ACTIVE', totalFen: 54_700 }],
        changes: [{ kind: 'ENROL', effectiveMonth: '2031-01', actor: 'county1' }],
      });
      expect(created.accountNo).toBe(`${'*'.repeat(12)}${request.accountNo.slice(-4)}`);
      expect(created.headIdNumber).not.toBe(request.headIdNumber);
      expect(await call(SUBJECTS.payment.enrolmentCreate, request)).toEqual(created);

      await expect(call(SUBJECTS.payment.enrolmentCreate, { ...request, baseFen: 1 })).rejects.toMatchObject({
        code: ErrorCode.IDEMPOTENCY_CONFLICT,
      });
      await expect(
        call(SUBJECTS.payment.enrolmentCreate, { ...request, idempotencyKey: randomUUID() }),
      ).rejects.toMatchObject({ code: ErrorCode.CONFLICT, details: [{ field: 'householdId' }] });
      await expect(call(SUBJECTS.payment.enrolmentCreate, enrolment({ bankCode: 'NOBANK' }))).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        details: [{ field: 'bankCode' }],
      });
      await expect(call(SUBJECTS.payment.enrolmentCreate, enrolment({ accountNo: '6217-0000' }))).rejects.toMatchObject(
        { code: ErrorCode.VALIDATION_FAILED, details: [{ field: 'accountNo' }] },
      );
      await expect(
        call(SUBJECTS.payment.enrolmentCreate, enrolment({ baseFen: -1, firstMonth: '2031-13' })),
      ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
      await expect(
        call(SUBJECTS.payment.enrolmentCreate, enrolment({ divisionCode: '220104001001' })),
      ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
      await expect(call(SUBJECTS.payment.enrolmentCreate, enrolment(), CALLERS.community1)).rejects.toMatchObject({
        code: ErrorCode.FORBIDDEN,
      });
      const [{ n }] = await sql<{ n: number }>(
        `select count(*)::int as n from payment.enrolment where household_id = ?`,
        [request.householdId],
      );
      expect(n).toBe(1);
    });

    it('changes the amount, suspends, resumes and terminates from a month, each with its decision', async () => {
      const created = await call(SUBJECTS.payment.enrolmentCreate, enrolment());
      const change = (kind: 'AMOUNT' | 'SUSPEND' | 'RESUME' | 'TERMINATE', effectiveMonth: string, extra = {}) =>
        call(SUBJECTS.payment.enrolmentChange, {
          idempotencyKey: randomUUID(),
          enrolmentId: created.id,
          kind,
          effectiveMonth,
          decision: `南民低〔2031〕${effectiveMonth.slice(5)}号`,
          reason: '动态管理',
          ...extra,
        });
      await change('AMOUNT', '2031-03', { baseFen: 30_000, supplementFen: 0 });
      await change('SUSPEND', '2031-05');
      await expect(change('SUSPEND', '2031-06')).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
      await expect(change('RESUME', '2031-04')).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        details: [{ field: 'effectiveMonth' }],
      });
      await change('RESUME', '2031-07');
      const ended = await change('TERMINATE', '2031-09');
      expect(ended.status).toBe('TERMINATED');
      expect(ended.lastMonth).toBe('2031-08');
      expect(ended.terms).toEqual([
        expect.objectContaining({ fromMonth: '2031-01', toMonth: '2031-02', state: 'ACTIVE', totalFen: 54_700 }),
        expect.objectContaining({ fromMonth: '2031-03', toMonth: '2031-04', state: 'ACTIVE', totalFen: 30_000 }),
        expect.objectContaining({ fromMonth: '2031-05', toMonth: '2031-06', state: 'SUSPENDED' }),
        expect.objectContaining({ fromMonth: '2031-07', toMonth: '2031-08', state: 'ACTIVE', totalFen: 30_000 }),
      ]);
      expect(ended.changes.map((c) => c.kind)).toEqual(['ENROL', 'AMOUNT', 'SUSPEND', 'RESUME', 'TERMINATE']);
      // Each decision is in the household file (日常管理类) under the benefit's application; the enrolment is not.
      expect(ended.changes[0].documentId).toBeNull();
      const filed = await call(
        SUBJECTS.archive.documentList,
        { applicationId: created.applicationId! },
        CALLERS.system,
      );
      expect(filed.items.map((item) => [item.id, item.documentType, item.archiveClass, item.title])).toEqual(
        ended.changes
          .slice(1)
          .map((c, index) => [
            c.documentId,
            'BENEFIT_CHANGE_DECISION',
            'DAILY_MANAGEMENT',
            [
              '减发最低生活保障金决定书',
              '暂停发放最低生活保障金决定书',
              '恢复发放最低生活保障金决定书',
              '停止发放最低生活保障金决定书',
            ][index],
          ]),
      );
      await expect(change('RESUME', '2031-10')).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
      await expect(sql(`update payment.enrolment_change set reason = 'x'`)).rejects.toThrow(/append-only/);
    });

    it('stops after a gradual exit (渐退): the months of the exit paid as before, at most six, only on a stop', async () => {
      const created = await call(SUBJECTS.payment.enrolmentCreate, enrolment());
      const change = (kind: 'SUSPEND' | 'TERMINATE', effectiveMonth: string, gradualExitMonths: number) =>
        call(SUBJECTS.payment.enrolmentChange, {
          idempotencyKey: randomUUID(),
          enrolmentId: created.id,
          kind,
          effectiveMonth,
          gradualExitMonths,
          decision: '南民低〔2031〕渐退1号',
          reason: '就业后家庭人均收入超过当地低保标准',
        });
      for (const [kind, months] of [
        ['SUSPEND', 2],
        ['TERMINATE', 7],
        ['TERMINATE', 0],
      ] as const) {
        await expect(change(kind, '2031-04', months)).rejects.toMatchObject({
          code: ErrorCode.VALIDATION_FAILED,
          details: [{ field: 'gradualExitMonths' }],
        });
      }
      const ended = await change('TERMINATE', '2031-04', 3);
      expect(ended).toMatchObject({ status: 'TERMINATED', lastMonth: '2031-06' });
      expect(ended.terms).toEqual([
        expect.objectContaining({ fromMonth: '2031-01', toMonth: '2031-06', state: 'ACTIVE', totalFen: 54_700 }),
      ]);
      expect(ended.changes[1]).toMatchObject({
        kind: 'TERMINATE',
        effectiveMonth: '2031-07',
        gradualExit: { months: 3, fromMonth: '2031-04', toMonth: '2031-06' },
      });
      const [decision] = (
        await call(SUBJECTS.archive.documentList, { applicationId: created.applicationId! }, CALLERS.system)
      ).items;
      expect(decision).toMatchObject({
        id: ended.changes[1].documentId,
        title: '渐退期满后停止发放最低生活保障金决定书',
      });
    });

    it('changes nothing when the decision cannot be filed, and files it once when the same request is sent again', async () => {
      const created = await call(SUBJECTS.payment.enrolmentCreate, enrolment());
      const request = {
        idempotencyKey: randomUUID(),
        enrolmentId: created.id,
        kind: 'AMOUNT' as const,
        effectiveMonth: '2031-04',
        baseFen: 60_000,
        supplementFen: 7_700,
        decision: '南民低〔2031〕21号',
        reason: '家庭成员重病，刚性支出增加',
      };
      await archive.close();
      try {
        await expect(call(SUBJECTS.payment.enrolmentChange, request)).rejects.toMatchObject({
          code: ErrorCode.UNAVAILABLE,
        });
        const [{ n }] = await sql<{ n: number }>(
          `select count(*)::int as n from payment.enrolment_change where enrolment_id = ?`,
          [created.id],
        );
        expect(n).toBe(1);
      } finally {
        archive = await startService(ArchiveAppModule, QUEUE_GROUPS.archive);
      }
      const [first, again] = [
        await call(SUBJECTS.payment.enrolmentChange, request),
        await call(SUBJECTS.payment.enrolmentChange, request),
      ];
      expect(again).toEqual(first);
      expect(first.changes[1]).toMatchObject({ kind: 'AMOUNT', documentId: expect.any(String) });
      const filed = await call(
        SUBJECTS.archive.documentList,
        { applicationId: created.applicationId! },
        CALLERS.system,
      );
      expect(filed.items).toEqual([
        expect.objectContaining({ id: first.changes[1].documentId, title: '增发最低生活保障金决定书' }),
      ]);
    });

    it('refuses a change of an enrolment whose household has no confirmed application to file it under', async () => {
      const created = await call(SUBJECTS.payment.enrolmentCreate, enrolment({ applicationId: undefined }));
      await expect(
        call(SUBJECTS.payment.enrolmentChange, {
          idempotencyKey: randomUUID(),
          enrolmentId: created.id,
          kind: 'SUSPEND',
          effectiveMonth: '2031-06',
          decision: '南民低〔2031〕22号',
          reason: '外出务工，收入待核',
        }),
      ).rejects.toMatchObject({ code: ErrorCode.CONFLICT, details: [{ field: 'enrolmentId' }] });
    });
  });

  describe('payee (收款账户变更)', () => {
    it('pays the months not yet on a payroll into the new account, and keeps the old one for those that are', async () => {
      const request = enrolment({ firstMonth: '2034-04' });
      const created = await call(SUBJECTS.payment.enrolmentCreate, request);
      await runPayroll('2034-04');
      const newAccount = `62170000${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`.replace(
        /(13|27)$/,
        '55',
      );
      const payee = {
        idempotencyKey: randomUUID(),
        enrolmentId: created.id,
        bankCode: request.bankCode,
        accountNo: newAccount,
        reason: '原银行卡已注销，户主提供新卡',
      };
      const changed = await call(SUBJECTS.payment.enrolmentChangePayee, payee, CALLERS.finance1);
      expect(changed.accountNo).toBe(`${'*'.repeat(12)}${newAccount.slice(-4)}`);
      expect(changed.changes.at(-1)).toMatchObject({
        kind: 'ACCOUNT',
        effectiveMonth: '2034-05',
        decision: '收款账户变更',
        reason: payee.reason,
        actor: 'finance1',
        documentId: null,
        payee: {
          before: { headName: '李发放', accountNo: `${'*'.repeat(12)}${request.accountNo.slice(-4)}` },
          after: { headName: '李发放', accountNo: `${'*'.repeat(12)}${newAccount.slice(-4)}` },
        },
      });
      // The same request again answers the same; the key with another account, or the same account, is refused.
      expect(await call(SUBJECTS.payment.enrolmentChangePayee, payee, CALLERS.finance1)).toEqual(changed);
      await expect(
        call(SUBJECTS.payment.enrolmentChangePayee, { ...payee, accountNo: request.accountNo }, CALLERS.finance1),
      ).rejects.toMatchObject({ code: ErrorCode.IDEMPOTENCY_CONFLICT });
      await expect(
        call(SUBJECTS.payment.enrolmentChangePayee, { ...payee, idempotencyKey: randomUUID() }, CALLERS.finance1),
      ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED, details: [{ field: 'accountNo' }] });
      // Staff may not name a new head (the registry does); a caseworker may not change the account at all.
      await expect(
        call(
          SUBJECTS.payment.enrolmentChangePayee,
          { ...payee, idempotencyKey: randomUUID(), headName: '王新', headIdNumber: makeIdNumber() },
          CALLERS.county1,
        ),
      ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN, details: [{ field: 'headName' }] });
      await expect(
        call(SUBJECTS.payment.enrolmentChangePayee, { ...payee, idempotencyKey: randomUUID() }, CALLERS.community1),
      ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
      await expect(
        call(
          SUBJECTS.payment.enrolmentChangePayee,
          { ...payee, idempotencyKey: randomUUID(), bankCode: 'NOBANK' },
          CALLERS.finance1,
        ),
      ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED, details: [{ field: 'bankCode' }] });

      // The month on a payroll keeps its account; the next one is paid into the new account.
      await runPayroll('2034-05');
      const accounts = await sql<{ month: string; account_no: string; account_name: string }>(
        `select to_char(month, 'YYYY-MM') as month, account_no, account_name from payment.payroll_line
          where household_id = ? order by month`,
        [request.householdId],
      );
      expect(accounts).toEqual([
        { month: '2034-04', account_no: request.accountNo, account_name: '李发放' },
        { month: '2034-05', account_no: newAccount, account_name: '李发放' },
      ]);

      // The registry's change of head (as the system) moves the benefit to the new head's card, by household.
      const newHead = makeIdNumber();
      const byRegistry = {
        idempotencyKey: randomUUID(),
        householdId: request.householdId,
        bankCode: request.bankCode,
        accountNo: newAccount.replace(/.$/, (digit) => String((Number(digit) + 1) % 10)),
        headName: '李新户',
        headIdNumber: newHead,
        reason: '户主死亡，变更户主',
      };
      const headChanged = await call(SUBJECTS.payment.enrolmentChangePayee, byRegistry, CALLERS.system);
      expect(headChanged).toMatchObject({ headName: '李新户', headIdNumber: newHead });
      expect(headChanged.changes.at(-1)).toMatchObject({
        kind: 'ACCOUNT',
        effectiveMonth: '2034-06',
        decision: '变更户主',
        payee: { before: { headName: '李发放' }, after: { headName: '李新户' } },
      });
      await expect(sql(`update payment.enrolment_change set payee = null`)).rejects.toThrow(/append-only/);

      // No open benefit: nothing to change.
      await call(SUBJECTS.payment.enrolmentChange, {
        idempotencyKey: randomUUID(),
        enrolmentId: created.id,
        kind: 'TERMINATE',
        effectiveMonth: '2034-07',
        decision: '南民低〔2034〕7号',
        reason: '收入超过标准',
      });
      await expect(
        call(SUBJECTS.payment.enrolmentChangePayee, { ...payee, idempotencyKey: randomUUID() }, CALLERS.finance1),
      ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
      await expect(
        call(
          SUBJECTS.payment.enrolmentChangePayee,
          { ...payee, enrolmentId: undefined, householdId: request.householdId, idempotencyKey: randomUUID() },
          CALLERS.finance1,
        ),
      ).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND, details: [{ field: 'householdId' }] });
      // The registry's change sent again after the stop: the answer to its key (the enrolment), not a 404.
      expect(await call(SUBJECTS.payment.enrolmentChangePayee, byRegistry, CALLERS.system)).toMatchObject({
        id: created.id,
        headName: '李新户',
        status: 'TERMINATED',
      });
    });
  });

  describe("a bank's failures and the payee", () => {
    /** The bank fails the household's line of the month (the batch's results, signed). */
    const fail = (householdId: string, failureCode: FailureCode, month = '2035-01') =>
      answerLine(householdId, month, { outcome: 'FAILED', failureCode });
    it('brings the review forward when the bank says the holder died, holds the months after, and carries a failed line to the current payee', async () => {
      const deceased = enrolment({ firstMonth: '2035-01' });
      const closedCard = enrolment({ firstMonth: '2035-01' });
      const [dead, moved] = [
        await call(SUBJECTS.payment.enrolmentCreate, deceased),
        await call(SUBJECTS.payment.enrolmentCreate, closedCard),
      ];
      await runPayroll('2035-01');
      const today = beijingDate(new Date());
      expect(await fail(deceased.householdId, 'HOLDER_DECEASED')).toMatchObject({ accepted: 1 });
      expect(await call(SUBJECTS.payment.enrolmentGet, { enrolmentId: dead.id })).toMatchObject({
        nextReviewOn: addMonthsToDay(today, 3),
        nextReviewReason: `银行反馈持卡人已身故（${today}）`,
      });
      // The dead holder's card cannot receive: the benefit is held, saying why.
      const held = { since: today, reason: `银行反馈持卡人已身故（${today}），暂停向该账户发放` };
      expect(await call(SUBJECTS.payment.enrolmentGet, { enrolmentId: dead.id })).toMatchObject({ payeeHold: held });
      // The same results again change nothing, the review and the hold included.
      expect(await fail(deceased.householdId, 'HOLDER_DECEASED')).toMatchObject({ accepted: 0, unchanged: 1 });

      // A closed card: held too, until finance moves the benefit to the new one; the failed month goes there with
      // the next cycle.
      await fail(closedCard.householdId, 'ACCOUNT_CLOSED');
      expect(await call(SUBJECTS.payment.enrolmentGet, { enrolmentId: moved.id })).toMatchObject({
        payeeHold: { since: today, reason: `银行反馈账户已销户（${today}），暂停向该账户发放` },
      });
      const newCard = '6217000099990042';
      await call(
        SUBJECTS.payment.enrolmentChangePayee,
        {
          idempotencyKey: randomUUID(),
          enrolmentId: moved.id,
          bankCode: JLRCB.code,
          accountNo: newCard,
          reason: '换卡',
        },
        CALLERS.finance1,
      );
      expect(await call(SUBJECTS.payment.enrolmentGet, { enrolmentId: moved.id })).toMatchObject({ payeeHold: null });
      const statementOf = () => call(SUBJECTS.payment.payrollStatement, { month: '2035-02' }, CALLERS.finance1);
      const before = await statementOf();
      await runPayroll('2035-02');
      // February: the closed card's household is paid to the new card; the dead holder's month is owed but held,
      // in no batch, so no bank is sent it.
      const february = await sql<{ household_id: string; status: string; account_no: string; batch_id: string | null }>(
        `select household_id, status, account_no, batch_id from payment.payroll_line
          where household_id in (?, ?) and month = '2035-02-01'`,
        [deceased.householdId, closedCard.householdId],
      );
      expect(february).toEqual(
        expect.arrayContaining([
          { household_id: deceased.householdId, status: 'HELD', account_no: deceased.accountNo, batch_id: null },
          {
            household_id: closedCard.householdId,
            status: 'PENDING',
            account_no: newCard,
            batch_id: expect.any(String),
          },
        ]),
      );
      // The statement counts it apart: owed, with no bank (earlier runs of this file left their own February).
      const statement = await statementOf();
      expect(statement.totals.heldLines - before.totals.heldLines).toBe(1);
      expect(statement.totals.heldFen - before.totals.heldFen).toBe(54_700);
      expect(statement.balanced).toBe(true);
      const heldLines = await call(
        SUBJECTS.payment.lineList,
        { status: 'HELD', householdId: deceased.householdId },
        CALLERS.finance1,
      );
      expect(heldLines.items).toEqual([expect.objectContaining({ month: '2035-02', status: 'HELD', batchId: null })]);
      const january = await sql<{ household_id: string; status: string; account_no: string; attempt: number }>(
        `select household_id, status, account_no, attempt from payment.payroll_line
          where household_id in (?, ?) and month = '2035-01-01'`,
        [deceased.householdId, closedCard.householdId],
      );
      expect(january).toEqual(
        expect.arrayContaining([
          // Never to a dead holder's card again: it waits for a re-issue to the new head's.
          { household_id: deceased.householdId, status: 'FAILED', account_no: deceased.accountNo, attempt: 1 },
          { household_id: closedCard.householdId, status: 'PENDING', account_no: newCard, attempt: 2 },
        ]),
      );
      const [carried] = await sql<{ kind: string; old_account_no: string; new_account_no: string }>(
        `select e.kind, e.old_account_no, e.new_account_no from payment.line_event e
           join payment.payroll_line l on l.id = e.line_id
          where l.household_id = ? and l.month = '2035-01-01'`,
        [closedCard.householdId],
      );
      expect(carried).toEqual({ kind: 'CARRIED', old_account_no: closedCard.accountNo, new_account_no: newCard });

      // The dead holder's month is re-issued to the new head's card once the registry has changed the head: the
      // account left out is the one the benefit is paid into now, in the new head's name.
      const deadLine = await lineOf(deceased.householdId, '2035-01');
      const reissue = {
        idempotencyKey: randomUUID(),
        lineId: Number(deadLine.id),
        reason: '户主死亡，补发至新户主账户',
      };
      await expect(call(SUBJECTS.payment.lineReissue, reissue, CALLERS.finance1)).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        details: [{ field: 'accountNo', messages: [expect.stringContaining('先变更收款账户')] }],
      });
      await call(
        SUBJECTS.payment.enrolmentChangePayee,
        {
          idempotencyKey: randomUUID(),
          householdId: deceased.householdId,
          bankCode: PSBC.code,
          accountNo: '6217000099990077',
          headName: '李继承',
          headIdNumber: makeIdNumber(),
          reason: '原户主死亡，变更户主',
        },
        CALLERS.system,
      );
      // The new card ends the hold: February goes to it, in the new head's name, with the next cycle's batches.
      expect(await call(SUBJECTS.payment.enrolmentGet, { enrolmentId: dead.id })).toMatchObject({ payeeHold: null });
      const [releasedFebruary] = await sql<{ status: string; account_no: string; account_name: string }>(
        `select status, account_no, account_name from payment.payroll_line
          where household_id = ? and month = '2035-02-01'`,
        [deceased.householdId],
      );
      expect(releasedFebruary).toEqual({ status: 'PENDING', account_no: '6217000099990077', account_name: '李继承' });
      const [release] = await sql<{ kind: string; old_account_no: string; new_account_no: string; actor_id: string }>(
        `select e.kind, e.old_account_no, e.new_account_no, e.actor_id from payment.line_event e
           join payment.payroll_line l on l.id = e.line_id
          where l.household_id = ? and l.month = '2035-02-01'`,
        [deceased.householdId],
      );
      expect(release).toEqual({
        kind: 'RELEASED',
        old_account_no: deceased.accountNo,
        new_account_no: '6217000099990077',
        actor_id: CALLERS.system.userId,
      });
      await runPayroll('2035-03');
      expect(await lineOf(deceased.householdId, '2035-02')).toMatchObject({
        status: 'PENDING',
        batch_id: expect.stringMatching(/^203503-PSBC-/),
      });
      expect(await lineOf(deceased.householdId, '2035-03')).toMatchObject({ status: 'PENDING', bank_code: PSBC.code });

      // January, which the bank failed, is finance's to re-issue.
      expect(await call(SUBJECTS.payment.lineReissue, reissue, CALLERS.finance1)).toMatchObject({
        status: 'PENDING',
        attempt: 2,
        bankCode: PSBC.code,
        batchId: expect.stringMatching(/-PSBC-R\d{4}$/),
      });
      const [reissued] = await sql<{ account_no: string; account_name: string }>(
        `select account_no, account_name from payment.payroll_line where id = ?`,
        [deadLine.id],
      );
      expect(reissued).toEqual({ account_no: '6217000099990077', account_name: '李继承' });
    });
    it('holds a payee only while the failed card is still its card, and not for a new head on the same card', async () => {
      const changedFirst = enrolment({ firstMonth: '2035-05' });
      const notFound = enrolment({ firstMonth: '2035-05' });
      const [changed, missing] = [
        await call(SUBJECTS.payment.enrolmentCreate, changedFirst),
        await call(SUBJECTS.payment.enrolmentCreate, notFound),
      ];
      await runPayroll('2035-05');
      const payee = (householdId: string, accountNo: string, head?: { headName: string; headIdNumber: string }) =>
        call(
          SUBJECTS.payment.enrolmentChangePayee,
          {
            idempotencyKey: randomUUID(),
            householdId,
            bankCode: JLRCB.code,
            accountNo,
            reason: head ? '变更户主' : '换卡',
            ...head,
          },
          head ? CALLERS.system : CALLERS.finance1,
        );
      // Finance moved the benefit to a new card before the bank answered for May: the old card failing holds nothing.
      await payee(changedFirst.householdId, '6217000099990501');
      await fail(changedFirst.householdId, 'ACCOUNT_NOT_FOUND', '2035-05');
      expect(await call(SUBJECTS.payment.enrolmentGet, { enrolmentId: changed.id })).toMatchObject({ payeeHold: null });

      // The card is not found: held. A new head on the same card (the registry's change of head) does not release it.
      const today = beijingDate(new Date());
      await fail(notFound.householdId, 'ACCOUNT_NOT_FOUND', '2035-05');
      const hold = { since: today, reason: `银行反馈账户不存在（${today}），暂停向该账户发放` };
      await payee(notFound.householdId, notFound.accountNo, { headName: '王新户', headIdNumber: makeIdNumber() });
      expect(await call(SUBJECTS.payment.enrolmentGet, { enrolmentId: missing.id })).toMatchObject({
        headName: '王新户',
        payeeHold: hold,
      });

      // June is loaded (held, its month not yet in the ledger) when finance gives the new card: the cycle's batches
      // release it to the new card all the same.
      for (let chunk = 0; chunk < 4; chunk += 1) {
        await call(SUBJECTS.payment.payrollGenerate, { month: '2035-06', chunk, chunks: 4 }, CALLERS.system);
      }
      await payee(notFound.householdId, '6217000099990602');
      expect(await call(SUBJECTS.payment.enrolmentGet, { enrolmentId: missing.id })).toMatchObject({ payeeHold: null });
      await call(SUBJECTS.payment.payrollBuildBatches, { month: '2035-06', batchSize: 2 }, CALLERS.system);
      const [june] = await sql<{ status: string; account_no: string; account_name: string; batch_id: string }>(
        `select status, account_no, account_name, batch_id from payment.payroll_line
          where household_id = ? and month = '2035-06-01'`,
        [notFound.householdId],
      );
      expect(june).toEqual({
        status: 'PENDING',
        account_no: '6217000099990602',
        account_name: '王新户',
        batch_id: expect.stringMatching(/^203506-JLRCB-/),
      });
      const events = await sql<{ kind: string; actor_id: string }>(
        `select e.kind, e.actor_id from payment.line_event e join payment.payroll_line l on l.id = e.line_id
          where l.household_id = ? and l.month = '2035-06-01'`,
        [notFound.householdId],
      );
      expect(events).toEqual([{ kind: 'RELEASED', actor_id: 'system' }]);
      // May, failed on the card not found, is carried to the new card by that cycle (once), as before.
      expect(await lineOf(notFound.householdId, '2035-05')).toMatchObject({
        status: 'PENDING',
        batch_id: expect.stringMatching(/^203506-/),
      });
    });

    it('settles the held months of a stopped benefit: one re-issued to a new card, one cancelled as not owed', async () => {
      const request = enrolment({ firstMonth: '2036-01' });
      const created = await call(SUBJECTS.payment.enrolmentCreate, request);
      await runPayroll('2036-01');
      await fail(request.householdId, 'ACCOUNT_CLOSED', '2036-01');
      await runPayroll('2036-02');
      await runPayroll('2036-03');
      const [february, march] = [
        await lineOf(request.householdId, '2036-02'),
        await lineOf(request.householdId, '2036-03'),
      ];
      expect([february.status, march.status]).toEqual(['HELD', 'HELD']);
      // The benefit stops from April: its payee can no longer be changed, so nothing would ever release the months.
      await call(SUBJECTS.payment.enrolmentChange, {
        idempotencyKey: randomUUID(),
        enrolmentId: created.id,
        kind: 'TERMINATE',
        effectiveMonth: '2036-04',
        decision: '南民低〔2036〕4号',
        reason: '家庭收入超过保障标准',
      });
      await expect(
        call(
          SUBJECTS.payment.enrolmentChangePayee,
          {
            idempotencyKey: randomUUID(),
            enrolmentId: created.id,
            bankCode: JLRCB.code,
            accountNo: '6217000099993601',
            reason: '换卡',
          },
          CALLERS.finance1,
        ),
      ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
      const statementOf = () => call(SUBJECTS.payment.payrollStatement, { month: '2036-03' }, CALLERS.finance1);
      const before = await statementOf();

      // February was owed: finance pays it to the holder's new card. Its held card again is refused.
      const reissue = {
        idempotencyKey: randomUUID(),
        lineId: Number(february.id),
        reason: '停保前应发月份，补发至新卡',
      };
      await expect(call(SUBJECTS.payment.lineReissue, reissue, CALLERS.finance1)).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        details: [{ field: 'accountNo' }],
      });
      const paid = { ...reissue, accountNo: '6217000099993602' };
      expect(await call(SUBJECTS.payment.lineReissue, paid, CALLERS.finance1)).toMatchObject({
        status: 'PENDING',
        attempt: 2,
        batchId: expect.stringMatching(/-JLRCB-R\d{4}$/),
      });

      // March was not owed: cancelled, with why; the same request again answers the same, and changes nothing.
      const cancel = { idempotencyKey: randomUUID(), lineId: Number(march.id), reason: '经核实该月不应发放' };
      await expect(call(SUBJECTS.payment.lineCancel, cancel, CALLERS.community1)).rejects.toMatchObject({
        code: ErrorCode.FORBIDDEN,
      });
      const cancelled = await call(SUBJECTS.payment.lineCancel, cancel, CALLERS.finance1);
      expect(cancelled).toMatchObject({ status: 'CANCELLED', batchId: null, attempt: 1 });
      expect(await call(SUBJECTS.payment.lineCancel, cancel, CALLERS.finance1)).toEqual(cancelled);
      // Refused: the key on another line; a line sent to the bank; a cancelled line re-issued; the re-issue's key.
      await expect(
        call(SUBJECTS.payment.lineCancel, { ...cancel, lineId: Number(february.id) }, CALLERS.finance1),
      ).rejects.toMatchObject({ code: ErrorCode.IDEMPOTENCY_CONFLICT, details: [{ field: 'idempotencyKey' }] });
      await expect(
        call(
          SUBJECTS.payment.lineCancel,
          { ...cancel, idempotencyKey: randomUUID(), lineId: Number(february.id) },
          CALLERS.finance1,
        ),
      ).rejects.toMatchObject({ code: ErrorCode.CONFLICT, details: [{ field: 'lineId' }] });
      await expect(
        call(
          SUBJECTS.payment.lineReissue,
          { ...paid, idempotencyKey: randomUUID(), lineId: Number(march.id) },
          CALLERS.finance1,
        ),
      ).rejects.toMatchObject({ code: ErrorCode.CONFLICT, details: [{ field: 'lineId' }] });
      await expect(
        call(SUBJECTS.payment.lineCancel, { ...cancel, idempotencyKey: reissue.idempotencyKey }, CALLERS.finance1),
      ).rejects.toMatchObject({ code: ErrorCode.IDEMPOTENCY_CONFLICT });

      // Each recorded with who and why; March counted apart, and the month still balances.
      const events = await sql<{
        line_id: string;
        kind: string;
        old_account_no: string;
        new_account_no: string | null;
        reason: string;
        actor_name: string;
      }>(
        `select line_id, kind, old_account_no, new_account_no, reason, actor_name from payment.line_event
          where line_id in (?, ?) order by created_at`,
        [february.id, march.id],
      );
      expect(events).toEqual([
        {
          line_id: february.id,
          kind: 'REISSUED',
          old_account_no: request.accountNo,
          new_account_no: '6217000099993602',
          reason: reissue.reason,
          actor_name: CALLERS.finance1.username,
        },
        {
          line_id: march.id,
          kind: 'CANCELLED',
          old_account_no: request.accountNo,
          new_account_no: null,
          reason: cancel.reason,
          actor_name: CALLERS.finance1.username,
        },
      ]);
      const statement = await statementOf();
      expect(statement.totals.heldLines - before.totals.heldLines).toBe(-1);
      expect(statement.totals.cancelledLines - before.totals.cancelledLines).toBe(1);
      expect(statement.totals.cancelledFen - before.totals.cancelledFen).toBe(march.amount_fen);
      expect(statement.balanced).toBe(true);
      // The next cycle carries nothing of it, and pays the stopped benefit no month.
      await runPayroll('2036-04');
      expect(await lineOf(request.householdId, '2036-03')).toMatchObject({ status: 'CANCELLED', batch_id: null });
      expect(await lineOf(request.householdId, '2036-04')).toBeUndefined();
    });
  });

  describe('periodic review (定期核查)', () => {
    /** A community of its own, so the reviews due are this test's alone. */
    const community = '220102001009';

    it('schedules reviews by the cycle, lists those due, files each review and moves the next due day', async () => {
      const able = await call(
        SUBJECTS.payment.enrolmentCreate,
        enrolment({ divisionCode: community, firstMonth: '2026-01', reviewIntervalMonths: 6 }),
      );
      const stable = await call(
        SUBJECTS.payment.enrolmentCreate,
        enrolment({ divisionCode: community, firstMonth: '2026-03' }),
      );
      expect(able).toMatchObject({
        reviewIntervalMonths: 6,
        nextReviewOn: '2026-07-01',
        lastReviewedOn: null,
        reviews: [],
      });
      expect(stable).toMatchObject({ reviewIntervalMonths: 12, nextReviewOn: '2027-03-01' });

      const due = (reviewDueBy: string) =>
        call(SUBJECTS.payment.enrolmentReviewsDue, { reviewDueBy, divisionCode: community });
      const dueNow = await due('2026-11-30');
      expect(dueNow).toMatchObject({ total: 1, items: [{ enrolmentId: able.id, nextReviewOn: '2026-07-01' }] });
      expect(dueNow.items[0].headIdNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect((await due('2027-03-01')).items.map((item) => item.enrolmentId)).toEqual([able.id, stable.id]);

      const review = {
        idempotencyKey: randomUUID(),
        enrolmentId: able.id,
        reviewedOn: '2026-11-20',
        finding: 'NO_CHANGE' as const,
        summary: '入户核查：家庭成员、收入和财产状况无明显变化',
      };
      const reviewed = await call(SUBJECTS.payment.enrolmentReview, review);
      expect(reviewed).toMatchObject({
        lastReviewedOn: '2026-11-20',
        nextReviewOn: '2027-05-20',
        reviews: [{ reviewedOn: '2026-11-20', finding: 'NO_CHANGE', intervalMonths: 6, actor: 'county1' }],
      });
      expect(await call(SUBJECTS.payment.enrolmentReview, review)).toEqual(reviewed);
      await expect(call(SUBJECTS.payment.enrolmentReview, { ...review, summary: '另一次核查' })).rejects.toMatchObject({
        code: ErrorCode.IDEMPOTENCY_CONFLICT,
      });
      const filed = await call(SUBJECTS.archive.documentList, { applicationId: able.applicationId! }, CALLERS.system);
      expect(filed.items).toEqual([
        expect.objectContaining({
          id: reviewed.reviews[0].documentId,
          documentType: 'PERIODIC_REVIEW_RECORD',
          archiveClass: 'DAILY_MANAGEMENT',
          title: '最低生活保障定期核查记录',
        }),
      ]);
      expect((await due('2026-11-30')).total).toBe(0);

      // A review changes the cycle when it says so; the next due day follows from it.
      const yearly = await call(SUBJECTS.payment.enrolmentReview, {
        ...review,
        idempotencyKey: randomUUID(),
        reviewedOn: '2026-11-25',
        finding: 'CHANGE_NEEDED',
        intervalMonths: 12,
      });
      expect(yearly).toMatchObject({ reviewIntervalMonths: 12, nextReviewOn: '2027-11-25' });
    });

    it('refuses a review on a day not after the last, in the future, or by a role that may not record it', async () => {
      const created = await call(
        SUBJECTS.payment.enrolmentCreate,
        enrolment({ divisionCode: community, firstMonth: '2026-05' }),
      );
      const review = (reviewedOn: string, who = CALLERS.county1) =>
        call(
          SUBJECTS.payment.enrolmentReview,
          { idempotencyKey: randomUUID(), enrolmentId: created.id, reviewedOn, finding: 'NO_CHANGE', summary: '核查' },
          who,
        );
      await expect(review('2026-04-30')).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        details: [{ field: 'reviewedOn' }],
      });
      await expect(review('2099-01-01')).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        details: [{ field: 'reviewedOn', messages: ['核查日期不能晚于今天'] }],
      });
      await expect(review('2026-02-30')).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
      await expect(review('2026-11-01', CALLERS.community1)).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
      await review('2026-11-01');
      await expect(review('2026-11-01')).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        details: [{ field: 'reviewedOn' }],
      });
      const [{ n }] = await sql<{ n: number }>(
        `select count(*)::int as n from payment.enrolment_review where enrolment_id = ?`,
        [created.id],
      );
      expect(n).toBe(1);
      await expect(sql(`delete from payment.enrolment_review where enrolment_id = ?`, [created.id])).rejects.toThrow(
        /append-only/,
      );
    });
  });

  describe('payroll', () => {
    it('generates one line per active enrolment with set-based SQL, and never a second for the same month', async () => {
      const paid = await call(SUBJECTS.payment.enrolmentCreate, enrolment({ firstMonth: '2031-02' }));
      const later = await call(SUBJECTS.payment.enrolmentCreate, enrolment({ firstMonth: '2031-03' }));
      const first = await runPayroll('2031-02');
      expect(first.lines).toBeGreaterThanOrEqual(1);
      expect(await lineOf(paid.householdId, '2031-02')).toMatchObject({ amount_fen: 54_700, status: 'PENDING' });
      expect(await lineOf(later.householdId, '2031-02')).toBeUndefined();

      // Other files' enrolments may join the month between the runs; this file's lines stay as they were.
      const again = await runPayroll('2031-02');
      expect(again.carried).toBe(0);
      expect(again.batches).toBeGreaterThanOrEqual(first.batches);
      const [{ n }] = await sql<{ n: number }>(
        `select count(*)::int as n from payment.payroll_line where household_id = ? and month = '2031-02-01'`,
        [paid.householdId],
      );
      expect(n).toBe(1);
      // The database itself refuses a second line for the household and month, whatever the code does.
      await expect(
        sql(
          `insert into payment.payroll_line (month, enrolment_id, household_id, division_code, bank_code, account_no, account_name, base_fen, supplement_fen, amount_fen, status)
           select month, enrolment_id, household_id, division_code, bank_code, account_no, account_name, base_fen, supplement_fen, amount_fen, 'PENDING'
             from payment.payroll_line where household_id = ? and month = '2031-02-01'`,
          [paid.householdId],
        ),
      ).rejects.toThrow(/duplicate key value violates unique constraint "payroll_line_\d{6}_household_id_month_key"/);
      await expect(sql(`delete from payment.payroll_line where household_id = ?`, [paid.householdId])).rejects.toThrow(
        /append-only/,
      );
      // A change for a month already on a payroll is refused.
      await runPayroll('2031-03');
      await expect(
        call(SUBJECTS.payment.enrolmentChange, {
          idempotencyKey: randomUUID(),
          enrolmentId: paid.id,
          kind: 'SUSPEND',
          effectiveMonth: '2031-03',
          decision: 'x',
          reason: 'x',
        }),
      ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    });

    it('loads a month unindexed, adds nothing for a retried chunk, and seals it only if no household is in it twice', async () => {
      const month = '2032-07';
      const table = `payment_ledger.payroll_line_${month.replace('-', '')}`;
      const household = await call(SUBJECTS.payment.enrolmentCreate, enrolment({ firstMonth: '2032-06' }));
      const { batchesPerBank } = await call(SUBJECTS.payment.payrollPlan, { month }, CALLERS.system);
      const loaded = [];
      for (let chunk = 0; chunk < 2; chunk += 1) {
        loaded.push(
          await call(SUBJECTS.payment.payrollGenerate, { month, chunk, chunks: 2, batchesPerBank }, CALLERS.system),
        );
      }
      const total = loaded.reduce((sum, reply) => sum + reply.inserted, 0);
      expect(total).toBeGreaterThanOrEqual(1);
      // A retried chunk finds its entry in the chunk log and adds nothing.
      const retried = await call(
        SUBJECTS.payment.payrollGenerate,
        { month, chunk: 1, chunks: 2, batchesPerBank },
        CALLERS.system,
      );
      expect(retried.inserted).toBe(0);
      // Loaded, not sealed: the ledger does not show the month yet.
      expect(await lineOf(household.householdId, month)).toBeUndefined();
      // …but the month is on a payroll: a change from it is refused as for a paid month.
      await expect(
        call(SUBJECTS.payment.enrolmentChange, {
          idempotencyKey: randomUUID(),
          enrolmentId: household.id,
          kind: 'SUSPEND',
          effectiveMonth: month,
          decision: 'x',
          reason: 'x',
        }),
      ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });

      // A household twice in the month: the unique constraint stops the seal, and the month stays out of the ledger.
      const columns = `month, enrolment_id, household_id, division_code, bank_code, account_no, account_name, base_fen, supplement_fen, amount_fen, status, batch_id`;
      await sql(`insert into ${table} (${columns}) select ${columns} from ${table} where household_id = ?`, [
        household.householdId,
      ]);
      await expect(call(SUBJECTS.payment.payrollSeal, { month }, CALLERS.system)).rejects.toMatchObject({
        code: ErrorCode.CONFLICT,
        details: [{ field: 'month', messages: [`重复的家庭：${household.householdId}`] }],
      });
      await expect(call(SUBJECTS.payment.payrollBuildBatches, { month }, CALLERS.system)).rejects.toMatchObject({
        code: ErrorCode.CONFLICT,
      });
      expect(await lineOf(household.householdId, month)).toBeUndefined();

      // Once the duplicate is gone (an unsealed month has no delete guard yet), it seals, and only once.
      await sql(
        `delete from ${table} where household_id = ? and id <> (select min(id) from ${table} where household_id = ?)`,
        [household.householdId, household.householdId],
      );
      const sealed = await call(SUBJECTS.payment.payrollSeal, { month }, CALLERS.system);
      expect(sealed).toEqual({ month, sealed: true, lines: total });
      expect(await call(SUBJECTS.payment.payrollSeal, { month }, CALLERS.system)).toEqual({
        month,
        sealed: false,
        lines: total,
      });
      expect(await lineOf(household.householdId, month)).toMatchObject({ amount_fen: 54_700, status: 'PENDING' });
      // Sealed, the month is the ledger's: its indexes, its unique constraint and its delete guard hold.
      const built = await call(SUBJECTS.payment.payrollBuildBatches, { month }, CALLERS.system);
      expect(built.lines).toBeGreaterThanOrEqual(total);
      const again = await call(
        SUBJECTS.payment.payrollGenerate,
        { month, chunk: 0, chunks: 1, batchesPerBank },
        CALLERS.system,
      );
      expect(again.inserted).toBe(0);
      await expect(sql(`delete from ${table} where household_id = ?`, [household.householdId])).rejects.toThrow(
        /append-only/,
      );
      const indexes = await sql<{ indexname: string }>(
        `select indexname from pg_indexes where schemaname = 'payment_ledger' and tablename = ? order by indexname`,
        [table.split('.')[1]],
      );
      expect(indexes.map((row) => row.indexname)).toEqual(
        ['batch_id_id_idx', 'failed_idx', 'household_id_month_key', 'pkey', 'unbatched_idx'].map(
          (suffix) => `payroll_line_203207_${suffix}`,
        ),
      );
    });

    it('takes bank results, refuses forged or replayed or wrong ones changing nothing, and reconciles to the fen', async () => {
      const MISMATCH_REASON = '户名不符："钱 二",{旧户名}\\NULL, 已核对';
      const households = await Promise.all(
        ['6217000011110001', '6217000011110013', '6217000011110027'].map((accountNo) =>
          call(SUBJECTS.payment.enrolmentCreate, enrolment({ firstMonth: '2031-04', accountNo })),
        ),
      );
      const other = await call(
        SUBJECTS.payment.enrolmentCreate,
        enrolment({ firstMonth: '2031-04', bankCode: PSBC.code }),
      );
      await runPayroll('2031-04');
      const [ok, closed, mismatch] = await Promise.all(households.map((h) => lineOf(h.householdId, '2031-04')));
      const otherLine = await lineOf(other.householdId, '2031-04');
      const bankCall = <S extends RequestSubject>(subject: S, request: RequestOf<S>) =>
        call(subject, request, CALLERS.system);

      const list = await bankCall(SUBJECTS.payment.bankBatchList, {
        auth: signedAuth(JLRCB, 'GET', '/bank/v1/batches'),
      });
      expect(list.items.map((b) => b.batchId)).toEqual(expect.arrayContaining([ok.batch_id, closed.batch_id]));
      expect(list.items.every((b) => b.bankCode === JLRCB.code)).toBe(true);
      expect(list.items.map((b) => b.batchId)).not.toContain(otherLine.batch_id);

      const lines = await bankCall(SUBJECTS.payment.bankBatchLines, {
        auth: signedAuth(JLRCB, 'GET', `/bank/v1/batches/${ok.batch_id}/lines`),
        batchId: ok.batch_id,
      });
      expect(lines.items.find((l) => l.lineId === Number(ok.id))).toMatchObject({
        accountNo: '6217000011110001',
        amountFen: 54_700,
        narrative: '低保金 2031-04',
      });

      // Refusals: each leaves the lines as they were.
      const resultsPath = (batch: string) => `/bank/v1/batches/${batch}/results`;
      const post = (
        bank: { code: string; secret: string },
        batchId: string,
        results: unknown[],
        auth = signedAuth(bank, 'POST', resultsPath(batchId), { results }),
      ) =>
        bankCall(SUBJECTS.payment.bankResultsPost, { auth, batchId, results } as RequestOf<
          typeof SUBJECTS.payment.bankResultsPost
        >);
      const paidResult = {
        lineId: Number(ok.id),
        outcome: 'PAID' as const,
        amountFen: 54_700,
        bankReference: 'JL0001',
      };
      // Sent as no typed client would: the service itself names the bad element (results are validated in place).
      const nats = await rawNats();
      try {
        const results = [paidResult, { ...paidResult, lineId: Number(ok.id) + 1, outcome: 'MAYBE' }];
        const reply = await nats.request(
          SUBJECTS.payment.bankResultsPost,
          JSONCodec().encode({
            auth: signedAuth(JLRCB, 'POST', resultsPath(ok.batch_id), { results }),
            batchId: ok.batch_id,
            results,
          }),
          { timeout: 5000 },
        );
        expect(JSONCodec<{ err: unknown }>().decode(reply.data).err).toMatchObject({
          code: ErrorCode.VALIDATION_FAILED,
          details: [{ field: 'results', messages: ['results[1]：outcome只能是PAID或FAILED'] }],
        });
      } finally {
        await nats.close();
      }
      expect(await lineOf(households[0].householdId, '2031-04')).toMatchObject({ status: 'PENDING' });
      const forged = {
        ...signedAuth(JLRCB, 'POST', resultsPath(ok.batch_id), { results: [paidResult] }),
        signature: 'a'.repeat(64),
      };
      await expect(post(JLRCB, ok.batch_id, [paidResult], forged)).rejects.toMatchObject({
        code: ErrorCode.UNAUTHENTICATED,
        details: [{ field: 'X-Signature' }],
      });
      const stale = signedAuth(
        JLRCB,
        'POST',
        resultsPath(ok.batch_id),
        { results: [paidResult] },
        Date.now() - 6 * 60_000,
      );
      await expect(post(JLRCB, ok.batch_id, [paidResult], stale)).rejects.toMatchObject({
        details: [{ field: 'X-Timestamp' }],
      });
      await expect(post(PSBC, ok.batch_id, [paidResult])).rejects.toMatchObject({
        code: ErrorCode.NOT_FOUND,
        details: [{ field: 'batchId' }],
      });
      await expect(post(JLRCB, ok.batch_id, [{ ...paidResult, amountFen: 54_701 }])).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        details: [{ field: 'results.amountFen' }],
      });
      await expect(
        post(JLRCB, ok.batch_id, [paidResult, { ...paidResult, lineId: Number(otherLine.id) }]),
      ).rejects.toMatchObject({ details: [{ field: 'results.lineId' }] });
      await expect(post(JLRCB, 'NO-SUCH-BATCH', [paidResult])).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
      // PostgreSQL text cannot hold NUL: refused as input, not a 500 from the statement.
      await expect(post(JLRCB, ok.batch_id, [{ ...paidResult, bankReference: 'JL\u00001' }])).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        details: [{ field: 'results', messages: ['results[0]：bankReference不能包含控制字符'] }],
      });
      expect((await lineOf(households[0].householdId, '2031-04')).status).toBe('PENDING');

      // Accepted once; the same nonce again is a replay; the same results again change nothing.
      const auth = signedAuth(JLRCB, 'POST', resultsPath(ok.batch_id), { results: [paidResult] });
      expect(await post(JLRCB, ok.batch_id, [paidResult], auth)).toMatchObject({ accepted: 1, unchanged: 0 });
      await expect(post(JLRCB, ok.batch_id, [paidResult], auth)).rejects.toMatchObject({
        code: ErrorCode.UNAUTHENTICATED,
        details: [{ field: 'X-Nonce' }],
      });
      expect(await post(JLRCB, ok.batch_id, [paidResult])).toMatchObject({ accepted: 0, unchanged: 1 });
      await expect(
        post(JLRCB, ok.batch_id, [
          { lineId: Number(ok.id), outcome: 'FAILED', amountFen: 54_700, failureCode: 'OTHER' },
        ]),
      ).rejects.toMatchObject({ code: ErrorCode.CONFLICT, details: [{ field: 'results.outcome' }] });

      for (const line of [closed, mismatch]) {
        await post(JLRCB, line.batch_id, [
          {
            lineId: Number(line.id),
            outcome: 'FAILED',
            amountFen: line.amount_fen,
            failureCode: line === closed ? 'ACCOUNT_CLOSED' : 'NAME_MISMATCH',
            failureReason: line === closed ? '回盘失败' : MISMATCH_REASON,
          },
        ]);
      }
      // The results reach PostgreSQL as one array per field: a reason with quotes, a backslash, braces and commas
      // is stored as the bank wrote it.
      const [stored] = await sql<{ failure_reason: string }>(
        `select failure_reason from payment.payroll_line where id = ?`,
        [mismatch.id],
      );
      expect(stored.failure_reason).toBe(MISMATCH_REASON);

      // Staff see the failed lines with the reason; re-issue one to a corrected account, carry the other.
      const failed = await call(SUBJECTS.payment.lineList, { month: '2031-04', status: 'FAILED' }, CALLERS.finance1);
      expect(failed.items.map((l) => l.id)).toEqual(expect.arrayContaining([Number(closed.id), Number(mismatch.id)]));
      expect(failed.items.find((l) => l.id === Number(closed.id))).toMatchObject({
        failureCode: 'ACCOUNT_CLOSED',
        accountNo: '************0013',
      });
      await expect(
        call(
          SUBJECTS.payment.lineReissue,
          { idempotencyKey: randomUUID(), lineId: Number(closed.id), accountNo: '6217000011110013', reason: '未更正' },
          CALLERS.finance1,
        ),
      ).rejects.toMatchObject({ details: [{ field: 'accountNo' }] });
      const reissueRequest = {
        idempotencyKey: randomUUID(),
        lineId: Number(closed.id),
        accountNo: '6217000011119999',
        reason: '户主已到银行更换社保卡，账号已核实',
      };
      const reissued = await call(SUBJECTS.payment.lineReissue, reissueRequest, CALLERS.finance1);
      expect(reissued).toMatchObject({
        status: 'PENDING',
        attempt: 2,
        batchId: expect.stringMatching(/-JLRCB-R\d{4}$/),
      });
      expect(await call(SUBJECTS.payment.lineReissue, reissueRequest, CALLERS.finance1)).toMatchObject({
        batchId: reissued.batchId,
      });
      await expect(
        call(SUBJECTS.payment.lineReissue, { ...reissueRequest, idempotencyKey: randomUUID() }, CALLERS.finance1),
      ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
      await expect(call(SUBJECTS.payment.lineReissue, reissueRequest, CALLERS.county1)).rejects.toMatchObject({
        code: ErrorCode.FORBIDDEN,
      });
      const [event] = await sql<{ kind: string; old_account_no: string; actor_name: string }>(
        `select kind, old_account_no, actor_name from payment.line_event where line_id = ?`,
        [closed.id],
      );
      expect(event).toEqual({ kind: 'REISSUED', old_account_no: '6217000011110013', actor_name: 'finance1' });

      const statement = await call(SUBJECTS.payment.payrollStatement, { month: '2031-04' }, CALLERS.finance1);
      expect(statement.balanced).toBe(true);
      const { totals } = statement;
      expect(totals.expectedFen).toBe(totals.paidFen + totals.failedFen + totals.pendingFen);
      expect(totals.paidFen).toBeGreaterThanOrEqual(54_700);
      expect(totals.failedFen).toBeGreaterThanOrEqual(54_700);
      expect(statement.byBank.map((b) => b.bankCode)).toEqual(expect.arrayContaining(['JLRCB', 'PSBC']));
      expect(statement.byDivision.reduce((sum, d) => sum + d.expectedFen, 0)).toBe(totals.expectedFen);
      await expect(
        call(SUBJECTS.payment.payrollStatement, { month: '2031-04' }, CALLERS.otherCounty),
      ).resolves.toMatchObject({ totals: { lines: 0 } });

      // The household whose line failed stops from 2031-05; the month it is still owed is carried all the same.
      await call(SUBJECTS.payment.enrolmentChange, {
        idempotencyKey: randomUUID(),
        enrolmentId: households[2].id,
        kind: 'TERMINATE',
        effectiveMonth: '2031-05',
        decision: '南民低〔2031〕停1号',
        reason: '家庭人均收入超过当地低保标准',
      });
      // The next cycle carries the line still failed into its batches.
      await call(SUBJECTS.payment.enrolmentCreate, enrolment({ firstMonth: '2031-05' }));
      const next = await runPayroll('2031-05');
      expect(next.carried).toBeGreaterThanOrEqual(1);
      expect(await lineOf(households[2].householdId, '2031-04')).toMatchObject({
        status: 'PENDING',
        batch_id: expect.stringMatching(/^203105-JLRCB-/),
      });
      // Carried once: failing again, it waits for a re-issue instead of going to the bank every month.
      const carriedLine = await lineOf(households[2].householdId, '2031-04');
      await post(JLRCB, carriedLine.batch_id, [
        { lineId: Number(carriedLine.id), outcome: 'FAILED', amountFen: 54_700, failureCode: 'ACCOUNT_CLOSED' },
      ]);
      await runPayroll('2031-06');
      expect(await lineOf(households[2].householdId, '2031-04')).toMatchObject({
        status: 'FAILED',
        batch_id: carriedLine.batch_id,
      });

      const history = await call(
        SUBJECTS.payment.historyGet,
        { householdId: households[0].householdId },
        CALLERS.county1,
      );
      expect(history.items.map((item) => item.month)).toEqual(['2031-06', '2031-05', '2031-04']);
      expect(history.items[2]).toMatchObject({
        month: '2031-04',
        status: 'PAID',
        bankReference: 'JL0001',
        amountFen: 54_700,
      });
      await expect(
        call(SUBJECTS.payment.historyGet, { householdId: households[0].householdId }, CALLERS.otherCounty),
      ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });

      const statementForBank = await bankCall(SUBJECTS.payment.bankStatement, {
        auth: signedAuth(JLRCB, 'GET', '/bank/v1/statements/2031-04'),
        month: '2031-04',
      });
      expect(statementForBank.balanced).toBe(true);
      expect(statementForBank.batches.length).toBeGreaterThanOrEqual(1);
    });
  });

  describe('recovery (追回)', () => {
    /** The bank pays the household's line of the month (the batch's results, signed). */
    const pay = (householdId: string, month: string) =>
      answerLine(householdId, month, { outcome: 'PAID', bankReference: `JL-${householdId.slice(0, 8)}-${month}` });

    it('orders back what was paid for months not owed, files the decision, and takes repayments until settled', async () => {
      const request = enrolment({ firstMonth: '2037-01' });
      const created = await call(SUBJECTS.payment.enrolmentCreate, request);
      for (const month of ['2037-01', '2037-02', '2037-03']) {
        await runPayroll(month);
        expect(await pay(request.householdId, month)).toMatchObject({ accepted: 1 });
      }
      // Obtained by fraud in February and March: 2 × 547 元, fined one to three times that.
      const fraud = {
        idempotencyKey: randomUUID(),
        enrolmentId: created.id,
        kind: 'FRAUD' as const,
        fromMonth: '2037-02',
        toMonth: '2037-03',
        fineFen: 109_400,
        decision: '南民追〔2037〕1号',
        reason: '隐瞒家庭成员工资收入',
      };
      for (const [wrong, field] of [
        [{ fineFen: 100_000 }, 'fineFen'],
        [{ fineFen: 400_000 }, 'fineFen'],
        [{ kind: 'OVERPAYMENT' }, 'fineFen'],
        [{ toMonth: '2037-01' }, 'toMonth'],
        [{ fromMonth: '2037-05', toMonth: '2037-06' }, 'fromMonth'],
      ] as const) {
        await expect(
          call(SUBJECTS.payment.recoveryCreate, { ...fraud, ...wrong, idempotencyKey: randomUUID() }),
        ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED, details: [{ field }] });
      }
      await expect(call(SUBJECTS.payment.recoveryCreate, fraud, CALLERS.finance1)).rejects.toMatchObject({
        code: ErrorCode.FORBIDDEN,
      });
      const decided = await call(SUBJECTS.payment.recoveryCreate, fraud);
      expect(decided).toMatchObject({
        householdId: request.householdId,
        kind: 'FRAUD',
        fromMonth: '2037-02',
        toMonth: '2037-03',
        paidMonths: 2,
        principalFen: 109_400,
        fineFen: 109_400,
        totalFen: 218_800,
        repaidFen: 0,
        outstandingFen: 218_800,
        status: 'OUTSTANDING',
        decidedBy: 'county1',
        repayments: [],
      });
      // The same request again answers the same; the key with other content, or the same months again, are refused.
      expect(await call(SUBJECTS.payment.recoveryCreate, fraud)).toEqual(decided);
      await expect(call(SUBJECTS.payment.recoveryCreate, { ...fraud, reason: '另一理由' })).rejects.toMatchObject({
        code: ErrorCode.IDEMPOTENCY_CONFLICT,
      });
      await expect(
        call(SUBJECTS.payment.recoveryCreate, {
          ...fraud,
          idempotencyKey: randomUUID(),
          kind: 'OVERPAYMENT',
          fineFen: undefined,
          fromMonth: '2037-03',
        }),
      ).rejects.toMatchObject({ code: ErrorCode.CONFLICT, details: [{ field: 'fromMonth' }] });
      // The decision is in the household file (日常管理类), under the benefit's application.
      const filed = await call(
        SUBJECTS.archive.documentList,
        { applicationId: request.applicationId! },
        CALLERS.system,
      );
      expect(filed.items.map((item) => [item.id, item.documentType, item.archiveClass, item.title])).toEqual([
        [decided.documentId, 'RECOVERY_DECISION', 'DAILY_MANAGEMENT', '追回最低生活保障金决定书'],
      ]);

      // Finance takes the money back in two payments; never more than is owed.
      const today = beijingDate(new Date());
      const first = {
        idempotencyKey: randomUUID(),
        recoveryId: decided.id,
        amountFen: 100_000,
        receivedOn: today,
        receiptNo: 'JK-2037-001',
      };
      await expect(call(SUBJECTS.payment.recoveryRepay, first)).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
      const part = await call(SUBJECTS.payment.recoveryRepay, first, CALLERS.finance1);
      expect(part).toMatchObject({ repaidFen: 100_000, outstandingFen: 118_800, status: 'OUTSTANDING' });
      expect(await call(SUBJECTS.payment.recoveryRepay, first, CALLERS.finance1)).toEqual(part);
      for (const [wrong, field] of [
        [{ amountFen: 118_801 }, 'amountFen'],
        [{ receivedOn: '2099-01-01' }, 'receivedOn'],
      ] as const) {
        await expect(
          call(SUBJECTS.payment.recoveryRepay, { ...first, ...wrong, idempotencyKey: randomUUID() }, CALLERS.finance1),
        ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED, details: [{ field }] });
      }
      await expect(
        call(SUBJECTS.payment.recoveryRepay, { ...first, amountFen: 1 }, CALLERS.finance1),
      ).rejects.toMatchObject({ code: ErrorCode.IDEMPOTENCY_CONFLICT });
      const settled = await call(
        SUBJECTS.payment.recoveryRepay,
        { ...first, idempotencyKey: randomUUID(), amountFen: 118_800, receiptNo: 'JK-2037-002' },
        CALLERS.finance1,
      );
      expect(settled).toMatchObject({ repaidFen: 218_800, outstandingFen: 0, status: 'SETTLED' });
      expect(settled.repayments.map((r) => [r.amountFen, r.receiptNo, r.recordedBy])).toEqual([
        [100_000, 'JK-2037-001', 'finance1'],
        [118_800, 'JK-2037-002', 'finance1'],
      ]);
      await expect(
        call(
          SUBJECTS.payment.recoveryRepay,
          { ...first, idempotencyKey: randomUUID(), amountFen: 1 },
          CALLERS.finance1,
        ),
      ).rejects.toMatchObject({ details: [{ field: 'amountFen', messages: ['该追回已全部缴清'] }] });
      const listed = await call(
        SUBJECTS.payment.recoveryList,
        { householdId: request.householdId, status: 'SETTLED' },
        CALLERS.finance1,
      );
      expect(listed.items).toEqual([settled]);
      expect(
        (await call(SUBJECTS.payment.recoveryList, { householdId: request.householdId }, CALLERS.otherCounty)).items,
      ).toEqual([]);
      // Every reader of the division sees what the household owes back (its dossier shows it).
      expect(
        (await call(SUBJECTS.payment.recoveryList, { householdId: request.householdId }, CALLERS.community1)).items,
      ).toEqual([settled]);
      await expect(sql(`update payment.recovery_repayment set amount_fen = 1`)).rejects.toThrow(/append-only/);
      await expect(sql(`update payment.recovery set repaid_fen = 300000 where id = ?`, [decided.id])).rejects.toThrow(
        /recovery_repaid_check/,
      );
    });
  });
});
