import { randomUUID } from 'node:crypto';

import type { INestMicroservice } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import {
  type Caller,
  type CloseTaskRequest,
  ErrorCode,
  type OpenTaskRequest,
  QUEUE_GROUPS,
  SUBJECTS,
} from '@app/contracts';
import { MessagingClient } from '@app/platform';
import { as, caller, CALLERS } from '@test/support/callers';
import { startService } from '@test/support/services';

import { AppModule as ApprovalAppModule } from '../src/app.module';

/** The chain's calls that open and close inbox tasks: once each, however often they are retried (real PostgreSQL, NATS). */
describe('inbox tasks opened and closed by the chain (real PostgreSQL, NATS)', () => {
  let app: INestMicroservice;
  let client: MessagingClient;
  const openRequest = (): OpenTaskRequest => ({
    taskId: randomUUID(),
    applicationId: randomUUID(),
    applicationNo: 'SQ-220102-2026-000002',
    householdId: randomUUID(),
    divisionCode: '220102001001',
    workflowId: `approval-chain-${randomUUID()}`,
    stage: 'STREET',
    role: 'STREET_REVIEWER',
    attempt: 1,
    limitWorkingDays: 10,
    openedOn: '2026-11-26',
    overallDueDate: '2027-01-08',
  });
  const open = (request: OpenTaskRequest) =>
    as(CALLERS.system, () => client.request(SUBJECTS.approval.taskOpen, request));
  const close = (request: CloseTaskRequest) =>
    as(CALLERS.system, () => client.request(SUBJECTS.approval.taskClose, request));
  const stored = (workflowId: string) =>
    app
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute<Array<{ id: string; status: string; outcome: string | null; opinion: string | null }>>(
        'select id, status, outcome, opinion from approval.task where workflow_id = ?',
        [workflowId],
      );

  beforeAll(async () => {
    app = await startService(ApprovalAppModule, QUEUE_GROUPS.approval);
    client = app.get(MessagingClient);
  });

  afterAll(async () => {
    await app.close();
  });

  it('opens a task with its due date in working days, and answers a retry with the first task', async () => {
    const request = openRequest();
    const first = await open(request);
    expect(first).toMatchObject({
      id: request.taskId,
      status: 'OPEN',
      stage: 'STREET',
      purpose: 'DECISION',
      // 10 working days from Thursday 26 November 2026.
      dueDate: '2026-12-10',
      overallDueDate: '2027-01-08',
      calendarMissingYear: null,
      outcome: null,
    });
    // A retry of the activity (a new id made by an older worker, a later day): the first task stands.
    const retried = await open({ ...request, taskId: randomUUID(), openedOn: '2026-11-27' });
    expect(retried).toMatchObject({ id: first.id, dueDate: '2026-12-10', openedAt: first.openedAt });
    const concurrent = await Promise.all(
      [1, 2, 3].map(() => open({ ...openRequest(), workflowId: request.workflowId })),
    );
    expect(new Set(concurrent.map((task) => task.id))).toEqual(new Set([first.id]));
    expect(await stored(request.workflowId)).toHaveLength(1);
  });

  it('closes a task once: a repeat answers with the first outcome and changes nothing', async () => {
    const request = openRequest();
    const task = await open(request);
    const documentId = randomUUID();
    const closed = await close({
      taskId: task.id,
      outcome: 'APPROVE',
      opinion: '同意',
      decidedBy: 'street1',
      documentId,
    });
    expect(closed).toMatchObject({
      id: task.id,
      status: 'DONE',
      outcome: 'APPROVE',
      opinion: '同意',
      decidedBy: 'street1',
      documentId,
      dueDate: '2026-12-10',
      overdue: false,
    });
    expect(Date.parse(closed.decidedAt!)).not.toBeNaN();
    const again = await close({ taskId: task.id, outcome: 'REJECT', opinion: '不同意', decidedBy: 'street2' });
    expect(again).toMatchObject({ status: 'DONE', outcome: 'APPROVE', opinion: '同意', decidedAt: closed.decidedAt });
    expect(await stored(request.workflowId)).toEqual([
      { id: task.id, status: 'DONE', outcome: 'APPROVE', opinion: '同意' },
    ]);
  });

  it('cancels a task withdrawn before its decision', async () => {
    const task = await open(openRequest());
    await expect(close({ taskId: task.id, outcome: 'CANCELLED' })).resolves.toMatchObject({
      status: 'CANCELLED',
      outcome: 'CANCELLED',
      opinion: null,
      documentId: null,
    });
  });

  it('sets due dates worked out once their calendar year is loaded, never replacing a known one', async () => {
    const reschedule = (body: object, who = CALLERS.system) =>
      as(who, () => client.request(SUBJECTS.approval.taskReschedule, body as never));
    const db = app.get(EntityManager).fork().getConnection();
    const request = { ...openRequest(), overallDueDate: undefined };
    const task = await open(request);
    // As opened in a year whose calendar was not loaded.
    await db.execute('update approval.task set due_date = null, calendar_missing_year = 2099 where id = ?', [task.id]);

    await expect(reschedule({ taskId: task.id, dueDate: '2099-13-40' })).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'dueDate' }],
    });
    await expect(reschedule({ taskId: task.id, dueDate: '2099-01-20' }, CALLERS.street1)).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
    await expect(reschedule({ taskId: randomUUID(), dueDate: '2099-01-20' })).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
    expect(await reschedule({ taskId: task.id, dueDate: '2099-01-20', overallDueDate: '2099-02-10' })).toMatchObject({
      id: task.id,
      dueDate: '2099-01-20',
      calendarMissingYear: null,
      overallDueDate: '2099-02-10',
    });
    // A repeat, or another date for a due date already known, changes nothing.
    expect(await reschedule({ taskId: task.id, dueDate: '2099-03-01', overallDueDate: '2099-04-01' })).toMatchObject({
      dueDate: '2099-01-20',
      overallDueDate: '2099-02-10',
    });
  });

  it('shows the year an overall due date waits for, lists it as waited for, and clears it once the date is set', async () => {
    const request = { ...openRequest(), overallDueDate: undefined, overallCalendarMissingYear: 2096 };
    // The stage's own due date is known (2026); only the application's overall one waits for a year.
    const task = await open(request);
    expect(task).toMatchObject({
      dueDate: '2026-12-10',
      calendarMissingYear: null,
      overallDueDate: null,
      overallCalendarMissingYear: 2096,
    });
    const waitingFor = async (year: number) =>
      (await as(CALLERS.system, () => client.request(SUBJECTS.approval.calendarList, {}))).waiting.find(
        (entry) => entry.year === year,
      )?.openTasks ?? 0;
    const waitedBefore = await waitingFor(2096);
    expect(waitedBefore).toBeGreaterThanOrEqual(1);
    // A year out of range is refused by name.
    await expect(open({ ...openRequest(), overallCalendarMissingYear: 99 })).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'overallCalendarMissingYear' }],
    });

    const rescheduled = await as(CALLERS.system, () =>
      client.request(SUBJECTS.approval.taskReschedule, { taskId: task.id, overallDueDate: '2096-03-02' }),
    );
    expect(rescheduled).toMatchObject({ overallDueDate: '2096-03-02', overallCalendarMissingYear: null });
    expect(await waitingFor(2096)).toBe(waitedBefore - 1);
  });

  it("filters the inbox by application number, a division of the caller's area, a due day and the overall limit", async () => {
    const list = (query: object, who = CALLERS.street1) =>
      as(who, () => client.request(SUBJECTS.approval.taskList, query as never));
    // Numbers of their own, so tasks left by earlier runs never crowd these out of a page.
    const serial = Date.now() % 1_000_000;
    const number = `SQ-220102-2026-${String(serial).padStart(6, '0')}`;
    const otherNumber = `SQ-220102-2026-${String((serial + 1) % 1_000_000).padStart(6, '0')}`;
    const late = await open({ ...openRequest(), applicationNo: number, overallDueDate: '2026-01-05' });
    const other = await open({ ...openRequest(), applicationNo: otherNumber, divisionCode: '220102001002' });
    const ids = async (query: object) => (await list(query)).items.map((task) => task.id);

    const byNumber = await list({ applicationNo: number });
    expect(byNumber.items.map((task) => task.id)).toEqual([late.id]);
    expect(byNumber.items[0]).toMatchObject({ overallOverdue: true });
    expect(await ids({ applicationNo: number, overallOverdueOnly: 'true' })).toEqual([late.id]);
    expect(await ids({ applicationNo: otherNumber, overallOverdueOnly: true })).toEqual([]);

    // One community of the street; the street's own code or its county's lists the whole street.
    expect(await ids({ applicationNo: otherNumber, divisionCode: '220102001002' })).toEqual([other.id]);
    expect(await ids({ applicationNo: number, divisionCode: '220102001002' })).toEqual([]);
    expect(await ids({ applicationNo: number, divisionCode: '220102' })).toEqual([late.id]);
    expect(await ids({ applicationNo: number, divisionCode: '220102001' })).toEqual([late.id]);

    // Due by a day: 10 working days from 26 November 2026 is 10 December; with overdueOnly both must hold.
    expect(await ids({ applicationNo: number, dueBy: '2026-12-10' })).toEqual([late.id]);
    expect(await ids({ applicationNo: number, dueBy: '2026-12-09' })).toEqual([]);
    expect(await ids({ applicationNo: number, dueBy: '2026-12-10', overdueOnly: true })).toEqual(
      new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) > '2026-12-10' ? [late.id] : [],
    );

    // Another street's community is outside the caller's area; malformed filters are named.
    await expect(list({ divisionCode: '220102002001' })).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
      details: [{ field: 'divisionCode', messages: ['所选行政区划不在您的管辖范围内'] }],
    });
    await expect(
      list({ applicationNo: '2026-000001', divisionCode: '2201020', dueBy: 'friday' }),
    ).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: expect.arrayContaining([
        { field: 'applicationNo', messages: ['申请编号应形如SQ-220102-2026-000001'] },
        { field: 'divisionCode', messages: ['行政区划代码应为2、4、6、9或12位数字'] },
        { field: 'dueBy', messages: ['dueBy 应为YYYY-MM-DD格式的日期'] },
      ]),
    });
  });

  it('refuses to close or escalate an unknown task, and lets only the system open or close tasks', async () => {
    const unknown = randomUUID();
    await expect(close({ taskId: unknown, outcome: 'APPROVE' })).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
      details: [{ field: 'taskId', messages: [`没有编号为${unknown}的待办任务`] }],
    });
    await expect(
      as(CALLERS.system, () => client.request(SUBJECTS.approval.taskEscalate, { taskId: unknown })),
    ).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    const request = openRequest();
    await expect(as(CALLERS.street1, () => client.request(SUBJECTS.approval.taskOpen, request))).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
    expect(await stored(request.workflowId)).toHaveLength(0);
  });
  it('lets one caseworker sign for a task (签收): colleagues are refused, naming them, until it is given back', async () => {
    const colleague = caller(['COMMUNITY_CASEWORKER'], '220102001001', 'community1b');
    const claim = (who: Caller, taskId: string, release = false) =>
      as(who, () => client.request(SUBJECTS.approval.taskClaim, { taskId, ...(release ? { release } : {}) }));
    const task = await open({ ...openRequest(), stage: 'COMMUNITY', role: 'COMMUNITY_CASEWORKER' });

    // Of two signing at once, one has it.
    const raced = await Promise.allSettled([claim(CALLERS.community1, task.id), claim(colleague, task.id)]);
    expect(raced.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const holder = raced[0].status === 'fulfilled' ? CALLERS.community1 : colleague;
    const other = holder === colleague ? CALLERS.community1 : colleague;
    const held = await claim(holder, task.id);
    expect(held).toMatchObject({ claimedBy: holder.username, claimedAt: expect.any(String) });
    // Signing again changes nothing.
    expect((await claim(holder, task.id)).claimedAt).toBe(held.claimedAt);
    await expect(claim(other, task.id)).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      details: [{ field: 'taskId', messages: [expect.stringContaining(`该任务已由${holder.username}于`)] }],
    });
    // The colleague's decision is refused before it reaches the chain.
    await expect(
      as(other, () =>
        client.request(SUBJECTS.approval.taskDecide, {
          taskId: task.id,
          decision: 'APPROVE',
          opinion: '同意',
          idempotencyKey: randomUUID(),
        }),
      ),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT, details: [{ field: 'taskId' }] });
    // The inbox tells mine from unclaimed.
    const ids = async (who: Caller, claimFilter: 'MINE' | 'UNCLAIMED') =>
      (await as(who, () => client.request(SUBJECTS.approval.taskList, { claim: claimFilter, limit: 200 }))).items.map(
        (item) => item.id,
      );
    expect(await ids(holder, 'MINE')).toContain(task.id);
    expect(await ids(other, 'MINE')).not.toContain(task.id);
    expect(await ids(other, 'UNCLAIMED')).not.toContain(task.id);
    // Only the holder gives it back; then the colleague may sign for it.
    await expect(claim(other, task.id, true)).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    expect(await claim(holder, task.id, true)).toMatchObject({ claimedBy: null, claimedAt: null });
    expect(await ids(other, 'UNCLAIMED')).toContain(task.id);
    expect(await claim(other, task.id)).toMatchObject({ claimedBy: other.username });
    // Another level, or a task that is done, cannot be signed for.
    await expect(claim(CALLERS.street1, task.id)).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await close({ taskId: task.id, outcome: 'APPROVE', opinion: '同意', decidedBy: other.username });
    await expect(claim(other, task.id)).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
  });

  it('gives back the tasks of an account whose standing changed, and only those it may no longer decide', async () => {
    const mover = caller(
      ['COMMUNITY_CASEWORKER', 'STREET_REVIEWER'],
      '220102001001',
      `mover-${randomUUID().slice(0, 8)}`,
    );
    const admin = caller(['ADMINISTRATOR'], '220102', 'admin-county');
    const otherAdmin = caller(['ADMINISTRATOR'], '220104', 'admin-chaoyang');
    const claim = (who: Caller, taskId: string) =>
      as(who, () => client.request(SUBJECTS.approval.taskClaim, { taskId }));
    const release = (
      who: Caller,
      standing: { active: boolean; roles: Caller['roles']; divisionCode: string; all?: boolean },
    ) => as(who, () => client.request(SUBJECTS.approval.taskReleaseClaims, { username: mover.username, ...standing }));
    const community = await open({ ...openRequest(), stage: 'COMMUNITY', role: 'COMMUNITY_CASEWORKER' });
    const neighbour = await open({
      ...openRequest(),
      divisionCode: '220102001002',
      stage: 'COMMUNITY',
      role: 'COMMUNITY_CASEWORKER',
    });
    await claim(mover, community.id);
    // Held under another standing (a street reviewer's task signed for before a move): the same username.
    const street = await open(openRequest());
    await claim({ ...mover, divisionCode: '220102001' }, street.id);
    const claimedBy = async (taskId: string) =>
      (
        await app
          .get(EntityManager)
          .fork()
          .getConnection()
          .execute<Array<{ claimed_by: string | null }>>('select claimed_by from approval.task where id = ?', [taskId])
      )[0].claimed_by;

    // Only an administrator asks; a caseworker is refused and nothing moves.
    await expect(
      release(CALLERS.community1, { active: false, roles: [], divisionCode: '220102001001' }),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    // An administrator of another county reaches none of them.
    expect(await release(otherAdmin, { active: false, roles: [], divisionCode: '220104' })).toEqual({
      releasedTaskIds: [],
    });
    // Still a community caseworker of the same community: that task stays held; the street one cannot be
    // decided from a community's division, so it goes back.
    expect(
      await release(admin, { active: true, roles: ['COMMUNITY_CASEWORKER'], divisionCode: '220102001001' }),
    ).toEqual({ releasedTaskIds: [street.id] });
    expect(await claimedBy(community.id)).toBe(mover.username);
    expect(await claimedBy(street.id)).toBeNull();
    // Taken back (收回) while the holder is away: every task goes back, whatever the standing.
    expect(
      await release(admin, {
        active: true,
        roles: ['COMMUNITY_CASEWORKER'],
        divisionCode: '220102001001',
        all: true,
      }),
    ).toEqual({ releasedTaskIds: [community.id] });
    await claim(mover, community.id);
    // Deactivated: everything goes back; asked again, nothing more.
    expect(
      await release(admin, { active: false, roles: ['COMMUNITY_CASEWORKER'], divisionCode: '220102001001' }),
    ).toEqual({ releasedTaskIds: [community.id] });
    expect(await claimedBy(community.id)).toBeNull();
    expect(await release(admin, { active: false, roles: [], divisionCode: '220102001001' })).toEqual({
      releasedTaskIds: [],
    });
    // A colleague may now sign for it; an unrelated task was never touched.
    expect(await claim(CALLERS.community1, community.id)).toMatchObject({ claimedBy: 'community1' });
    expect(await claimedBy(neighbour.id)).toBeNull();
    // A malformed standing is refused by field.
    await expect(
      release(admin, { active: false, roles: ['JANITOR' as never], divisionCode: '22x' }),
    ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
  });

  describe('supervision figures (督办统计)', () => {
    /** A street of its own, so the figures are this test's alone. */
    const street = '220102009';
    const statistics = (who: (typeof CALLERS)[keyof typeof CALLERS], request: object) =>
      as(who, () => client.request(SUBJECTS.approval.taskStatistics, request));
    const inStreet = (community: string, overrides: Partial<OpenTaskRequest>): OpenTaskRequest => ({
      ...openRequest(),
      divisionCode: `${street}${community}`,
      stage: 'COMMUNITY',
      role: 'COMMUNITY_CASEWORKER',
      ...overrides,
    });

    it('counts open, late and escalated tasks now, and the period’s decisions, per community of a street', async () => {
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      // Open, past its due date and the overall limit, escalated.
      const late = await open(inStreet('001', { openedOn: '2026-10-08', overallDueDate: '2026-11-20' }));
      await as(CALLERS.system, () => client.request(SUBJECTS.approval.taskEscalate, { taskId: late.id }));
      // Open, in time; a notice to serve.
      await open(inStreet('001', { stage: 'STREET', role: 'STREET_REVIEWER', openedOn: today }));
      await open(inStreet('001', { stage: 'STREET', role: 'STREET_REVIEWER', purpose: 'DELIVERY', openedOn: today }));
      // Decided today: one in time, one after its due date.
      const inTime = await open(inStreet('002', { openedOn: today }));
      await close({ taskId: inTime.id, outcome: 'APPROVE', opinion: '同意', decidedBy: 'community9' });
      const slow = await open(inStreet('002', { openedOn: '2026-10-08' }));
      // As if it had been open since that day (a task is stamped with the moment it opens).
      await app
        .get(EntityManager)
        .fork()
        .getConnection()
        .execute(`update approval.task set opened_at = '2026-10-08T09:00:00+08:00' where id = ?`, [slow.id]);
      await close({ taskId: slow.id, outcome: 'REJECT', opinion: '不同意', decidedBy: 'community9' });

      const figures = await statistics(CALLERS.county1, { divisionCode: street });
      expect(figures).toMatchObject({ divisionCode: street, to: today, asOf: today });
      expect(figures.total).toMatchObject({
        open: 3,
        overdue: 1,
        overallOverdue: 1,
        escalated: 1,
        decided: 2,
        decidedLate: 1,
        openByStage: { COMMUNITY: 1, STREET: 1, DELIVERY: 1 },
        decidedByOutcome: { APPROVE: 1, REJECT: 1 },
      });
      // Calendar days from opening to decision: about 0 and about 51 (from 8 October).
      const daysSlow = (Date.now() - Date.parse('2026-10-08T09:00:00+08:00')) / 86_400_000;
      expect(figures.total.decisionDays.p50).toBeCloseTo(daysSlow / 2, 0);
      expect(figures.total.decisionDays.p90).toBeCloseTo(daysSlow * 0.9, 0);
      expect(figures.parts).toEqual([
        {
          divisionCode: `${street}001`,
          open: 3,
          overdue: 1,
          overallOverdue: 1,
          escalated: 1,
          decided: 0,
          decidedLate: 0,
        },
        {
          divisionCode: `${street}002`,
          open: 0,
          overdue: 0,
          overallOverdue: 0,
          escalated: 0,
          decided: 2,
          decidedLate: 1,
        },
      ]);
      // A period that ended before today's decisions counts none of them; the open ones still show.
      const before = await statistics(CALLERS.county1, { divisionCode: street, from: '2026-10-01', to: '2026-10-31' });
      expect(before.total).toMatchObject({ open: 3, decided: 0 });
      // The county's own figures include the street's, one line per street.
      const county = await statistics(CALLERS.county1, {});
      expect(county.parts.find((part) => part.divisionCode === street)).toMatchObject({ open: 3, decided: 2 });
    });

    it('refuses an area outside the caller’s and a period that is reversed, too long or not a date', async () => {
      await expect(statistics(CALLERS.community1, { divisionCode: street })).rejects.toMatchObject({
        code: ErrorCode.FORBIDDEN,
        details: [expect.objectContaining({ field: 'divisionCode' })],
      });
      await expect(statistics(CALLERS.county1, { from: '2026-11-02', to: '2026-11-01' })).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        details: [{ field: 'from', messages: ['开始日期不能晚于结束日期'] }],
      });
      await expect(statistics(CALLERS.county1, { from: '2025-01-01', to: '2026-11-01' })).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        details: [expect.objectContaining({ field: 'from' })],
      });
      await expect(statistics(CALLERS.county1, { to: '2026-02-30' })).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        details: [expect.objectContaining({ field: 'to' })],
      });
    });
  });
});
