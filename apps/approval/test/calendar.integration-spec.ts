import { randomUUID } from 'node:crypto';

import type { INestMicroservice } from '@nestjs/common';

import { ErrorCode, type OpenTaskRequest, QUEUE_GROUPS, SUBJECTS } from '@app/contracts';
import { MessagingClient } from '@app/platform';
import { as, caller, CALLERS } from '@test/support/callers';
import { startService } from '@test/support/services';

import { AppModule as ApprovalAppModule } from '../src/app.module';

/** Due dates on the holiday calendar, and a year with no calendar made visible, not guessed (real PostgreSQL, NATS). */
describe('holiday calendar and due dates (real PostgreSQL, NATS)', () => {
  let app: INestMicroservice;
  let client: MessagingClient;
  const admin = caller(['ADMINISTRATOR'], '22', 'admin');
  const task = (openedOn: string, limitWorkingDays = 10): OpenTaskRequest => ({
    applicationId: randomUUID(),
    applicationNo: 'SQ-220102-2026-000001',
    householdId: randomUUID(),
    divisionCode: '220102001001',
    workflowId: `approval-chain-${randomUUID()}`,
    stage: 'COUNTY',
    role: 'COUNTY_APPROVER',
    attempt: 1,
    limitWorkingDays,
    openedOn,
  });
  const open = (request: OpenTaskRequest) =>
    as(CALLERS.system, () => client.request(SUBJECTS.approval.taskOpen, request));

  beforeAll(async () => {
    app = await startService(ApprovalAppModule, QUEUE_GROUPS.approval);
    client = app.get(MessagingClient);
  });

  afterAll(async () => {
    await app.close();
  });

  it('computes a due date in working days across the National Day holiday', async () => {
    // Tuesday 2025-09-30 + 3 working days, counting from the next day: 10-01…10-08 off → 10-11 (a make-up Saturday).
    expect((await open(task('2025-09-30', 3))).dueDate).toBe('2025-10-11');
    const years = await as(admin, () => client.request(SUBJECTS.approval.calendarList, {}));
    expect(years.years.map((y) => y.year)).toEqual(expect.arrayContaining([2024, 2025, 2026]));
  });

  it('answers a due date N working days ahead for the chain’s overall limit, or the year it lacks', async () => {
    const due = (from: string, workingDays: number) =>
      as(CALLERS.system, () => client.request(SUBJECTS.approval.calendarDueDate, { from, workingDays }));
    expect(await due('2025-09-30', 3)).toEqual({ dueDate: '2025-10-11', calendarMissingYear: null });
    expect(await due('2097-06-01', 5)).toEqual({ dueDate: null, calendarMissingYear: 2097 });
  });

  it('moves the due date on by the working days of a period the clock stands still for, and refuses a bad period', async () => {
    const due = (excluding: unknown) =>
      as(CALLERS.system, () =>
        client.request(SUBJECTS.approval.calendarDueDate, { from: '2026-11-05', workingDays: 10, excluding } as never),
      );
    // A publicity from 11-09 to 11-16 stops the clock for five working days: 11-19 becomes 11-26.
    expect(await due([{ from: '2026-11-09', to: '2026-11-16' }])).toEqual({
      dueDate: '2026-11-26',
      calendarMissingYear: null,
    });
    await expect(due([{ from: '2026-11-09', to: '11/16' }])).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [expect.objectContaining({ field: 'excluding[0].to' })],
    });
  });

  it('shows a missing year instead of guessing, and computes it once an administrator loads that year', async () => {
    // Far-off years (test arrangements), so the shipped official calendars never change what this test sees.
    await as(admin, () =>
      client.request(SUBJECTS.approval.calendarLoad, {
        year: 2098,
        days: [{ date: '2098-10-01', isOffDay: true, name: '国庆节（测试）' }],
      }),
    );
    const before = await open(task('2098-12-24'));
    expect(before).toMatchObject({ dueDate: null, calendarMissingYear: 2099, overdue: false });
    // The year shows as waited for, with how many open tasks wait.
    const listed = await as(admin, () => client.request(SUBJECTS.approval.calendarList, {}));
    expect(listed.waiting.find((entry) => entry.year === 2099)?.openTasks).toBeGreaterThanOrEqual(1);
    expect(listed.years.map((entry) => entry.year)).not.toContain(2099);

    await as(admin, () =>
      client.request(SUBJECTS.approval.calendarLoad, {
        year: 2099,
        days: [{ date: '2099-01-01', isOffDay: true, name: '元旦（测试）' }],
      }),
    );
    // 12-25 (Thu) 12-26, 12-29…12-31 (5), 2099-01-01 off, 01-02, 01-05…01-08 → the 10th working day is 2099-01-08.
    const after = await open(task('2098-12-24'));
    expect(after).toMatchObject({ dueDate: '2099-01-08', calendarMissingYear: null });
  });

  it('refuses a load by a non-administrator or with days outside the year, changing nothing', async () => {
    await expect(
      as(CALLERS.county1, () =>
        client.request(SUBJECTS.approval.calendarLoad, { year: 2097, days: [{ date: '2097-01-01', isOffDay: true }] }),
      ),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(
      as(admin, () =>
        client.request(SUBJECTS.approval.calendarLoad, { year: 2097, days: [{ date: '2098-01-01', isOffDay: true }] }),
      ),
    ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED, details: [{ field: 'days' }] });
    const years = await as(admin, () => client.request(SUBJECTS.approval.calendarList, {}));
    expect(years.years.map((y) => y.year)).not.toContain(2097);
  });

  it('opens a task once per (workflow, stage, attempt), and only for the system', async () => {
    const request = task('2026-11-26');
    const a = await open(request);
    const b = await open(request);
    expect(b.id).toBe(a.id);
    await expect(as(CALLERS.county1, () => client.request(SUBJECTS.approval.taskOpen, request))).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
  });
});
