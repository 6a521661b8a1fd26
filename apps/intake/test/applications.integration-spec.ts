import { randomUUID } from 'node:crypto';

import type { INestMicroservice } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import { ErrorCode, QUEUE_GROUPS, SUBJECTS } from '@app/contracts';
import {
  APPROVAL_STAGES,
  approvalChainWorkflowId,
  SEARCH_ATTRIBUTES,
  TASK_QUEUES,
  withdrawSignal,
} from '@app/contracts/temporal';
import { MessagingClient, TemporalClientService } from '@app/platform';
import { as, CALLERS } from '@test/support/callers';
import { terminateChains } from '@test/support/chains';
import { makeApplication } from '@test/support/factories/application.factory';
import { startService } from '@test/support/services';

import { AppModule as IntakeAppModule } from '../src/app.module';

describe('intake applications (real PostgreSQL, NATS and Temporal)', () => {
  let app: INestMicroservice;
  let messaging: MessagingClient;
  let temporal: TemporalClientService;
  const started: string[] = [];

  beforeAll(async () => {
    app = await startService(IntakeAppModule, QUEUE_GROUPS.intake);
    const client = app.get(MessagingClient);
    // The caseworker of 华阳社区 unless a test says otherwise; record-stage is the system's.
    messaging = {
      request: (...args: Parameters<MessagingClient['request']>) =>
        as(args[0] === SUBJECTS.intake.applicationRecordStage ? CALLERS.system : CALLERS.community1, () =>
          client.request(...args),
        ),
    } as MessagingClient;
    temporal = app.get(TemporalClientService);
  });

  afterAll(async () => {
    // No worker polls in this file: end the chains it started so they do not linger in the test namespace.
    await terminateChains(temporal.client, started);
    await app.close();
  });

  it('stores an application, numbers it per county and year, and starts its workflow with search attributes', async () => {
    const request = makeApplication();
    const reply = await messaging.request(SUBJECTS.intake.applicationSubmit, request);
    started.push(reply.workflowId);

    expect(reply).toMatchObject({ status: 'SUBMITTED', divisionCode: '220102001001', householdSize: 3 });
    expect(reply.applicationNo).toMatch(/^SQ-220102-\d{4}-\d{6}$/);
    expect(reply.workflowId).toBe(approvalChainWorkflowId(reply.id));
    expect(reply.applicantIdNumberMasked).toBe(
      `${request.applicantIdNumber.slice(0, 6)}********${request.applicantIdNumber.slice(-4)}`,
    );

    const description = await temporal.client.workflow.getHandle(reply.workflowId).describe();
    expect(description.taskQueue).toBe(TASK_QUEUES.approval);
    expect(description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.divisionCode)).toBe('220102001001');
    expect(description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.applicationNo)).toBe(reply.applicationNo);
    expect(description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.approvalStage)).toBe(APPROVAL_STAGES.acceptance);
  });

  it('gives one application and one workflow when the same request is submitted twice, even concurrently', async () => {
    const request = makeApplication();
    const replies = await Promise.all(
      // Six at once: the twins race through the same transaction (person, household, application).
      [1, 2, 3, 4, 5, 6].map(() => messaging.request(SUBJECTS.intake.applicationSubmit, request)),
    );
    started.push(replies[0].workflowId);

    expect(new Set(replies.map((reply) => reply.id)).size).toBe(1);
    const em = app.get(EntityManager).fork();
    const rows = await em
      .getConnection()
      .execute<Array<{ n: string }>>('select count(*) as n from intake.application where idempotency_key = ?', [
        request.idempotencyKey,
      ]);
    expect(Number(rows[0].n)).toBe(1);
    // Visibility is eventually consistent: wait until the execution is listed, then count.
    let executions: unknown[] = [];
    for (let attempt = 0; attempt < 50 && executions.length === 0; attempt += 1) {
      executions = [];
      for await (const execution of temporal.client.workflow.list({
        query: `WorkflowId = '${replies[0].workflowId}'`,
      })) {
        executions.push(execution);
      }
      if (executions.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(executions).toHaveLength(1);
  });

  it('registers a new applicant as head of a one-person household, and takes back one whose membership ended', async () => {
    const first = makeApplication();
    const one = await messaging.request(SUBJECTS.intake.applicationSubmit, first);
    started.push(one.workflowId);
    const db = app.get(EntityManager).fork().getConnection();
    const memberships = () =>
      db.execute(
        `select m.household_id, m.is_head, m.active, p.name from intake.household_member m
           join intake.person p on p.id = m.person_id where p.id_number = ? order by m.created_at`,
        [first.applicantIdNumber],
      );
    expect(await memberships()).toEqual([{ household_id: one.householdId, is_head: true, active: true, name: '张三' }]);

    // The membership ends (as when a member leaves a household); the person applies again, the name corrected.
    await db.execute('update intake.household_member set active = false where household_id = ?', [one.householdId]);
    const two = await messaging.request(
      SUBJECTS.intake.applicationSubmit,
      makeApplication({ applicantIdNumber: first.applicantIdNumber, applicantName: '张叁' }),
    );
    started.push(two.workflowId);

    expect(two.householdId).not.toBe(one.householdId);
    expect(await memberships()).toEqual([
      { household_id: one.householdId, is_head: true, active: false, name: '张叁' },
      { household_id: two.householdId, is_head: true, active: true, name: '张叁' },
    ]);
    expect(
      await db.execute('select count(*)::int as n from intake.person where id_number = ?', [first.applicantIdNumber]),
    ).toEqual([{ n: 1 }]);
  });

  it('signals a running chain, and answers false without signalling one that has ended or never ran', async () => {
    const reply = await messaging.request(SUBJECTS.intake.applicationSubmit, makeApplication());
    started.push(reply.workflowId);
    expect(await temporal.signalIfRunning(reply.workflowId, withdrawSignal, { reason: '测试' })).toBe(true);
    const handle = temporal.client.workflow.getHandle(reply.workflowId);
    await handle.terminate('test done');
    expect(await temporal.signalIfRunning(reply.workflowId, withdrawSignal, { reason: '测试' })).toBe(false);
    expect(await temporal.signalIfRunning(`approval-chain-${randomUUID()}`, withdrawSignal, { reason: '测试' })).toBe(
      false,
    );
    const signalled = (await handle.fetchHistory()).events?.filter(
      (event) => event.workflowExecutionSignaledEventAttributes,
    );
    expect(signalled).toHaveLength(1);
  });

  it('refuses the same key with a different payload with IDEMPOTENCY_CONFLICT', async () => {
    const request = makeApplication();
    const first = await messaging.request(SUBJECTS.intake.applicationSubmit, request);
    started.push(first.workflowId);

    await expect(
      messaging.request(SUBJECTS.intake.applicationSubmit, { ...request, householdSize: 4 }),
    ).rejects.toMatchObject({
      code: ErrorCode.IDEMPOTENCY_CONFLICT,
    });
  });

  it('refuses an ID number with a wrong check character, naming the field and the expected character', async () => {
    const request = makeApplication();
    const last = request.applicantIdNumber.slice(-1);
    const wrong = request.applicantIdNumber.slice(0, 17) + (last === '0' ? '1' : '0');

    await expect(
      messaging.request(SUBJECTS.intake.applicationSubmit, { ...request, applicantIdNumber: wrong }),
    ).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'applicantIdNumber', messages: [expect.stringContaining('校验位错误')] }],
    });
  });

  it('refuses a division code that is not a community code', async () => {
    await expect(
      messaging.request(SUBJECTS.intake.applicationSubmit, makeApplication({ divisionCode: '220102' })),
    ).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'divisionCode', messages: ['社区（村）行政区划代码应为12位数字'] }],
    });
  });

  it('moves the status forward only, and recording it twice changes nothing', async () => {
    const reply = await messaging.request(SUBJECTS.intake.applicationSubmit, makeApplication());
    started.push(reply.workflowId);

    const received = await messaging.request(SUBJECTS.intake.applicationRecordStage, {
      applicationId: reply.id,
      status: 'RECEIVED',
      workflowId: reply.workflowId,
    });
    const back = await messaging.request(SUBJECTS.intake.applicationRecordStage, {
      applicationId: reply.id,
      status: 'SUBMITTED',
      workflowId: reply.workflowId,
    });
    expect(received).toEqual({ applicationId: reply.id, status: 'RECEIVED', changed: true });
    expect(back).toEqual({ applicationId: reply.id, status: 'RECEIVED', changed: false });
    const stored = await messaging.request(SUBJECTS.intake.applicationGet, { applicationId: reply.id });
    expect(stored.status).toBe('RECEIVED');
    // The household is named by id (from the application row; the household itself is not loaded).
    expect(stored.householdId).toMatch(/^[0-9a-f-]{36}$/);
    expect(stored.householdId).toBe(reply.householdId);
    const listed = await messaging.request(SUBJECTS.intake.applicationList, { householdId: reply.householdId });
    expect(listed.items).toEqual([expect.objectContaining({ id: reply.id, householdId: reply.householdId })]);
    await expect(
      messaging.request(SUBJECTS.intake.applicationRecordStage, {
        applicationId: randomUUID(),
        status: 'IN_REVIEW',
        workflowId: reply.workflowId,
      }),
    ).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
  });

  it('lists the register of an area: filtered, newest first, paged, refused outside the caller’s area', async () => {
    const client = app.get(MessagingClient);
    const list = (who: (typeof CALLERS)[keyof typeof CALLERS], filters: object) =>
      as(who, () => client.request(SUBJECTS.intake.applicationList, filters));
    const first = await messaging.request(SUBJECTS.intake.applicationSubmit, makeApplication());
    const draft = await messaging.request(SUBJECTS.intake.applicationSubmit, makeApplication({ draft: true }));
    const elsewhere = await as(CALLERS.community2, () =>
      client.request(SUBJECTS.intake.applicationSubmit, makeApplication({ divisionCode: '220102002001' })),
    );
    started.push(first.workflowId, elsewhere.workflowId);

    // By number: the one application, masked, no details.
    const byNo = await list(CALLERS.street1, { applicationNo: first.applicationNo });
    expect(byNo.total).toBe(1);
    expect(byNo.items).toEqual([
      expect.objectContaining({
        id: first.id,
        status: 'SUBMITTED',
        applicantIdNumberMasked: expect.stringContaining('*'),
      }),
    ]);
    expect(byNo.items[0]).not.toHaveProperty('details');
    // A community caseworker sees their own community only; another community is refused, naming the field.
    const own = await list(CALLERS.community1, { limit: 200 });
    expect(own.items.map((item) => item.id)).toEqual(expect.arrayContaining([first.id, draft.id]));
    expect(own.items.every((item) => item.divisionCode === '220102001001')).toBe(true);
    await expect(list(CALLERS.community1, { divisionCode: '220102002001' })).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
      details: [expect.objectContaining({ field: 'divisionCode' })],
    });
    // The county narrows to one community.
    const community2 = await list(CALLERS.county1, { divisionCode: '220102002001', limit: 200 });
    expect(community2.items.map((item) => item.id)).toContain(elsewhere.id);
    expect(community2.items.map((item) => item.id)).not.toContain(first.id);
    // Status; newest first.
    const drafts = await list(CALLERS.community1, { status: 'DRAFT', limit: 200 });
    expect(drafts.items[0].id).toBe(draft.id);
    expect(drafts.items.every((item) => item.status === 'DRAFT')).toBe(true);
    // Submission days (Beijing): today holds the submitted one and no draft; tomorrow nothing of this test.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10);
    const submittedToday = await list(CALLERS.community1, { submittedFrom: today, submittedTo: today, limit: 200 });
    expect(submittedToday.items.map((item) => item.id)).toContain(first.id);
    expect(submittedToday.items.map((item) => item.id)).not.toContain(draft.id);
    const fromTomorrow = await list(CALLERS.community1, { submittedFrom: tomorrow });
    expect(fromTomorrow.items.map((item) => item.id)).not.toContain(first.id);
    await expect(list(CALLERS.community1, { submittedFrom: tomorrow, submittedTo: today })).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [expect.objectContaining({ field: 'submittedFrom' })],
    });
    await expect(list(CALLERS.community1, { status: 'PENDING', submittedTo: '2026-02-30' })).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: expect.arrayContaining([
        expect.objectContaining({ field: 'status' }),
        expect.objectContaining({ field: 'submittedTo' }),
      ]),
    });
    // By ids (an inbox page's): only those in the caller's area.
    const byIds = await list(CALLERS.community1, { applicationIds: [first.id, elsewhere.id] });
    expect(byIds.items.map((item) => item.id)).toEqual([first.id]);
    await expect(list(CALLERS.community1, { applicationIds: ['x'] })).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
    });
    // Pages: one at a time, the same total, different lines.
    const [page1, page2] = await Promise.all([
      list(CALLERS.community1, { limit: 1, offset: 0 }),
      list(CALLERS.community1, { limit: 1, offset: 1 }),
    ]);
    expect(page1.total).toBeGreaterThanOrEqual(2);
    expect(page2.total).toBe(page1.total);
    expect(page1.items[0].id).not.toBe(page2.items[0].id);
  });

  it('answers FORBIDDEN for an unknown application, as for one out of scope', async () => {
    await expect(
      messaging.request(SUBJECTS.intake.applicationGet, { applicationId: randomUUID() }),
    ).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
  });

  it('takes 40 submissions in one county at once (more than the connection pool) without a pool deadlock', async () => {
    // Each submission numbers its application under a per-county counter row inside a transaction; nothing in
    // that transaction may need a second pooled connection, or 10 waiting transactions would starve the pool.
    const replies = await Promise.all(
      Array.from({ length: 40 }, () =>
        messaging.request(SUBJECTS.intake.applicationSubmit, makeApplication(), { timeoutMs: 30_000 }),
      ),
    );
    started.push(...replies.map((reply) => reply.workflowId));
    expect(new Set(replies.map((reply) => reply.applicationNo)).size).toBe(40);
  }, 60_000);

  describe('scope and roles, enforced by intake itself', () => {
    let client: MessagingClient;
    let applicationId: string;

    beforeAll(async () => {
      client = app.get(MessagingClient);
      const reply = await messaging.request(SUBJECTS.intake.applicationSubmit, makeApplication());
      started.push(reply.workflowId);
      applicationId = reply.id;
    });

    it('refuses a message without a caller with UNAUTHENTICATED', async () => {
      await expect(client.request(SUBJECTS.intake.applicationGet, { applicationId })).rejects.toMatchObject({
        code: ErrorCode.UNAUTHENTICATED,
      });
    });

    it('refuses a caseworker filing in another community, naming the field', async () => {
      const request = makeApplication({ divisionCode: '220102001001' });
      await expect(
        as(CALLERS.community2, () => client.request(SUBJECTS.intake.applicationSubmit, request)),
      ).rejects.toMatchObject({
        code: ErrorCode.FORBIDDEN,
        details: [{ field: 'divisionCode' }],
      });
    });

    it('refuses roles that may not file an application', async () => {
      for (const who of [CALLERS.street1, CALLERS.county1, CALLERS.archivist1]) {
        await expect(
          as(who, () => client.request(SUBJECTS.intake.applicationSubmit, makeApplication())),
        ).rejects.toMatchObject({
          code: ErrorCode.FORBIDDEN,
        });
      }
    });

    it('shows the application up the chain of its division and to nobody beside it', async () => {
      for (const who of [CALLERS.community1, CALLERS.street1, CALLERS.county1, CALLERS.finance1]) {
        await expect(
          as(who, () => client.request(SUBJECTS.intake.applicationGet, { applicationId })),
        ).resolves.toMatchObject({
          id: applicationId,
        });
      }
      for (const who of [CALLERS.community2, CALLERS.otherCounty]) {
        await expect(
          as(who, () => client.request(SUBJECTS.intake.applicationGet, { applicationId })),
        ).rejects.toMatchObject({
          code: ErrorCode.FORBIDDEN,
          staffMessage: '无权访问该记录或记录不存在',
        });
      }
    });

    it('reveals the full ID number only to roles allowed to see it', async () => {
      const revealed = await as(CALLERS.county1, () =>
        client.request(SUBJECTS.intake.applicationGet, { applicationId, reveal: true }),
      );
      expect(revealed.applicantIdNumber).toMatch(/^\d{17}[\dX]$/);
      const masked = await as(CALLERS.county1, () => client.request(SUBJECTS.intake.applicationGet, { applicationId }));
      expect(masked.applicantIdNumber).toBeUndefined();
      await expect(
        as(CALLERS.community1, () => client.request(SUBJECTS.intake.applicationGet, { applicationId, reveal: true })),
      ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    });

    it('takes stage records from the system only', async () => {
      const request = { applicationId, status: 'RECEIVED' as const, workflowId: 'x' };
      await expect(
        as(CALLERS.county1, () => client.request(SUBJECTS.intake.applicationRecordStage, request)),
      ).rejects.toMatchObject({
        code: ErrorCode.FORBIDDEN,
      });
    });
  });

  it('reports database, NATS and Temporal as up', async () => {
    const health = await messaging.request(SUBJECTS.intake.healthCheck, {});
    expect(health.status).toBe('up');
    expect(Object.keys(health.details).sort()).toEqual(['database', 'nats', 'temporal']);
  });
});
