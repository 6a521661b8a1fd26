import type { INestMicroservice } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import { ErrorCode, QUEUE_GROUPS, SUBJECTS } from '@app/contracts';
import { MessagingClient, TemporalClientService } from '@app/platform';
import { as, CALLERS } from '@test/support/callers';
import { terminateChains } from '@test/support/chains';
import { makeApplication, makeIdNumber } from '@test/support/factories/application.factory';
import { startService } from '@test/support/services';

import { AppModule as IntakeAppModule } from '../src/app.module';

/** Draft, edit, submit, withdraw — with the declared incomes, assets and payment account checked on the way. */
describe('application lifecycle (real PostgreSQL, NATS, Temporal)', () => {
  let app: INestMicroservice;
  let client: MessagingClient;
  let temporal: TemporalClientService;
  const started: string[] = [];
  const request = <S extends Parameters<MessagingClient['request']>[0]>(
    subject: S,
    payload: Parameters<MessagingClient['request']>[1],
  ) => as(CALLERS.community1, () => client.request(subject, payload as never));

  beforeAll(async () => {
    app = await startService(IntakeAppModule, QUEUE_GROUPS.intake);
    client = app.get(MessagingClient);
    temporal = app.get(TemporalClientService);
  });

  afterAll(async () => {
    await terminateChains(temporal.client, started);
    await app.close();
  });

  it('keeps a draft without a workflow, takes edits, and starts the chain once on submit', async () => {
    const draftRequest = makeApplication({ draft: true, details: undefined });
    const draft = await request(SUBJECTS.intake.applicationSubmit, draftRequest);
    expect(draft).toMatchObject({ status: 'DRAFT', submittedAt: null });
    await expect(temporal.client.workflow.getHandle(draft.workflowId).describe()).rejects.toThrow();

    const head = draftRequest.applicantIdNumber;
    const edited = await request(SUBJECTS.intake.applicationUpdate, {
      applicationId: draft.id,
      householdSize: 2,
      details: {
        incomes: [{ memberIdNumber: head, category: 'WAGES', amountFen: 120_000, period: 'MONTH' }],
        deductions: [{ memberIdNumber: head, category: 'RIGID_MEDICAL', amountFen: 30_000, period: 'MONTH' }],
        assets: [
          { type: 'DEPOSIT', valueFen: 500_000 },
          { type: 'DWELLING', valueFen: 0, areaM2: 48 },
        ],
        paymentAccount: { bankName: '吉林银行', accountNo: '6222021234567890123', holderIdNumber: head },
        conflictOfInterest: true,
        conflictOfInterestNote: '申请人之妹为社区低保专干',
        dataCheckConsent: true,
      },
    });
    expect(edited.householdSize).toBe(2);
    expect(edited.details?.paymentAccount).toEqual({
      bankName: '吉林银行',
      accountNoMasked: '***************0123',
      holderIdNumberMasked: `${head.slice(0, 6)}********${head.slice(-4)}`,
    });
    expect(JSON.stringify(edited)).not.toContain('6222021234567890123');

    const submitted = await request(SUBJECTS.intake.applicationSubmitDraft, { applicationId: draft.id });
    const again = await request(SUBJECTS.intake.applicationSubmitDraft, { applicationId: draft.id });
    started.push(submitted.workflowId);
    expect(submitted.status).toBe('SUBMITTED');
    expect(submitted.submittedAt).not.toBeNull();
    expect(again.submittedAt).toBe(submitted.submittedAt);
    await expect(temporal.client.workflow.getHandle(submitted.workflowId).describe()).resolves.toBeDefined();

    await expect(
      request(SUBJECTS.intake.applicationUpdate, { applicationId: draft.id, reason: '改了' }),
    ).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'status' }],
    });
    const row = await app
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute('select conflict_of_interest from intake.application where id = ?', [draft.id]);
    expect(row[0]).toEqual({ conflict_of_interest: true });
  });

  it('refuses to submit without the data-check consent and writes nothing', async () => {
    const withoutConsent = makeApplication({ details: { dataCheckConsent: false } });
    await expect(request(SUBJECTS.intake.applicationSubmit, withoutConsent)).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'details.dataCheckConsent' }],
    });
    const rows = await app
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute('select 1 from intake.application where idempotency_key = ?', [withoutConsent.idempotencyKey]);
    expect(rows).toHaveLength(0);

    const draft = await request(
      SUBJECTS.intake.applicationSubmit,
      makeApplication({ draft: true, details: undefined }),
    );
    await expect(request(SUBJECTS.intake.applicationSubmitDraft, { applicationId: draft.id })).rejects.toMatchObject({
      details: [{ field: 'details.dataCheckConsent' }],
    });
  });

  it.each([
    [
      'a negative amount',
      { incomes: [{ memberIdNumber: '$head', category: 'WAGES', amountFen: -1, period: 'MONTH' }] },
      'details.incomes[0].amountFen',
      '不能为负数',
    ],
    [
      'an absurd amount',
      { incomes: [{ memberIdNumber: '$head', category: 'WAGES', amountFen: 5_000_000_000, period: 'MONTH' }] },
      'details.incomes[0].amountFen',
      '合理范围',
    ],
    [
      'an unknown income category',
      { incomes: [{ memberIdNumber: '$head', category: 'LOTTERY', amountFen: 1, period: 'MONTH' }] },
      'details.incomes[0].category',
      '收入类别',
    ],
    [
      'an income of someone outside the household',
      { incomes: [{ memberIdNumber: '$stranger', category: 'WAGES', amountFen: 1, period: 'MONTH' }] },
      'details.incomes[0].memberIdNumber',
      '不是本家庭的成员',
    ],
    [
      'a payment account not held by the head',
      { paymentAccount: { bankName: '吉林银行', accountNo: '6222021234567890123', holderIdNumber: '$stranger' } },
      'details.paymentAccount.holderIdNumber',
      '户主本人',
    ],
    [
      'an account number with letters',
      { paymentAccount: { bankName: '吉林银行', accountNo: '6222-abc', holderIdNumber: '$head' } },
      'details.paymentAccount.accountNo',
      '12至30位数字',
    ],
  ])('refuses %s with a field-level error', async (_case, details, field, text) => {
    const base = makeApplication();
    const fill = (value: unknown): unknown =>
      JSON.parse(
        JSON.stringify(value)
          .replace(/"\$head"/g, JSON.stringify(base.applicantIdNumber))
          .replace(/"\$stranger"/g, JSON.stringify(makeIdNumber())),
      );
    const failure = await request(SUBJECTS.intake.applicationSubmit, {
      ...base,
      details: { ...(fill(details) as object), dataCheckConsent: true },
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
    const messages = (failure as { details: Array<{ field: string; messages: string[] }> }).details.find(
      (detail) => detail.field === field,
    )?.messages;
    expect(messages?.join(' ')).toContain(text);
  });

  it('withdraws an application, signals its chain, and refuses to submit it again', async () => {
    const submitted = await request(SUBJECTS.intake.applicationSubmit, makeApplication());
    started.push(submitted.workflowId);

    const withdrawn = await request(SUBJECTS.intake.applicationWithdraw, {
      applicationId: submitted.id,
      reason: '家庭收入已提高',
    });
    const again = await request(SUBJECTS.intake.applicationWithdraw, {
      applicationId: submitted.id,
      reason: '家庭收入已提高',
    });

    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', withdrawnReason: '家庭收入已提高' });
    expect(again.updatedAt).toBe(withdrawn.updatedAt);
    const history = await temporal.client.workflow.getHandle(submitted.workflowId).fetchHistory();
    expect(
      history.events?.some((event) => event.workflowExecutionSignaledEventAttributes?.signalName === 'withdraw'),
    ).toBe(true);
    await expect(
      request(SUBJECTS.intake.applicationSubmitDraft, { applicationId: submitted.id }),
    ).rejects.toMatchObject({
      details: [{ field: 'status', messages: ['申请已撤回'] }],
    });
    const stage = await as(CALLERS.system, () =>
      client.request(SUBJECTS.intake.applicationRecordStage, {
        applicationId: submitted.id,
        status: 'RECEIVED',
        workflowId: submitted.workflowId,
      }),
    );
    expect(stage.status).toBe('WITHDRAWN');
  });

  it('takes one application in progress per household: another is refused naming it, until it is withdrawn', async () => {
    const applicantIdNumber = makeIdNumber();
    const first = await request(SUBJECTS.intake.applicationSubmit, makeApplication({ applicantIdNumber }));
    started.push(first.workflowId);
    const inProgress = {
      code: ErrorCode.CONFLICT,
      details: [{ field: 'applicantIdNumber', messages: [expect.stringContaining(first.applicationNo)] }],
    };

    // A second submission, and a draft kept for later but not submitted while the first is in progress.
    await expect(
      request(SUBJECTS.intake.applicationSubmit, makeApplication({ applicantIdNumber })),
    ).rejects.toMatchObject(inProgress);
    const draft = await request(SUBJECTS.intake.applicationSubmit, makeApplication({ applicantIdNumber, draft: true }));
    await expect(request(SUBJECTS.intake.applicationSubmitDraft, { applicationId: draft.id })).rejects.toMatchObject(
      inProgress,
    );
    const db = app.get(EntityManager).fork().getConnection();
    const statuses = () =>
      db.execute<Array<{ status: string; n: number }>>(
        `select status, count(*)::int as n from intake.application where household_id = ? group by status order by 1`,
        [first.householdId],
      );
    expect(await statuses()).toEqual([
      { status: 'DRAFT', n: 1 },
      { status: 'SUBMITTED', n: 1 },
    ]);

    // Withdrawn, the household may apply again: of two submissions at once, one is taken and the other refused.
    await request(SUBJECTS.intake.applicationWithdraw, { applicationId: first.id, reason: '申请人撤回' });
    const both = await Promise.allSettled([
      request(SUBJECTS.intake.applicationSubmit, makeApplication({ applicantIdNumber })),
      request(SUBJECTS.intake.applicationSubmitDraft, { applicationId: draft.id }),
    ]);
    const taken = both.filter((result) => result.status === 'fulfilled');
    const refused = both.filter((result) => result.status === 'rejected');
    expect(taken).toHaveLength(1);
    expect(refused).toHaveLength(1);
    started.push((taken[0] as PromiseFulfilledResult<{ workflowId: string }>).value.workflowId);
    expect(refused[0].reason).toMatchObject({ code: ErrorCode.CONFLICT });
    expect((await statuses()).find((row) => row.status === 'SUBMITTED')).toEqual({ status: 'SUBMITTED', n: 1 });
  });

  it('lets only a caseworker of the division change an application', async () => {
    const draft = await request(SUBJECTS.intake.applicationSubmit, makeApplication({ draft: true }));
    for (const who of [CALLERS.community2, CALLERS.county1]) {
      await expect(
        as(who, () => client.request(SUBJECTS.intake.applicationWithdraw, { applicationId: draft.id, reason: '越权' })),
      ).rejects.toMatchObject({
        code: ErrorCode.FORBIDDEN,
      });
    }
  });
});
