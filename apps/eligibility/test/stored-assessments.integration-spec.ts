import { randomUUID } from 'node:crypto';

import type { INestMicroservice } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';

import { ErrorCode, QUEUE_GROUPS, type RunAssessmentRequest, SUBJECTS } from '@app/contracts';
import { MessagingClient } from '@app/platform';
import { AppModule as IntakeAppModule } from '@apps/intake/src/app.module';
import { as, CALLERS } from '@test/support/callers';
import { startService } from '@test/support/services';

import { AppModule as EligibilityAppModule } from '../src/app.module';

/** eligibility.assessment.run: stored, immutable, idempotent by key, and nothing stored on bad input. */
describe('stored assessments (real PostgreSQL, NATS)', () => {
  let app: INestMicroservice;
  let intake: INestMicroservice;
  let client: MessagingClient;
  let orm: MikroORM;
  const run = (request: RunAssessmentRequest, who = CALLERS.community1) =>
    as(who, () => client.request(SUBJECTS.eligibility.assessmentRun, request));
  const count = async (householdId: string) =>
    Number(
      (
        await orm.em
          .getConnection()
          .execute<Array<{ n: string }>>('select count(*) as n from eligibility.assessment where household_id = ?', [
            householdId,
          ])
      )[0].n,
    );
  const request = (overrides: Partial<RunAssessmentRequest> = {}): RunAssessmentRequest => ({
    idempotencyKey: `assess-${randomUUID()}`,
    householdId: randomUUID(),
    divisionCode: '220102001001',
    urbanRural: 'URBAN',
    at: '2026-11-26',
    members: [
      { idNumber: '220102198001010012', birthDate: '1980-01-01', health: 'HEALTHY' },
      { idNumber: '220102198202020021', birthDate: '1982-02-02', health: 'HEALTHY' },
      { idNumber: '220102201001010033', birthDate: '2010-01-01', health: 'HEALTHY' },
    ],
    incomes: [{ memberIdNumber: '220102198001010012', category: 'WAGES', amountFen: 90_000, period: 'MONTH' }],
    ...overrides,
  });

  beforeAll(async () => {
    app = await startService(EligibilityAppModule, QUEUE_GROUPS.eligibility);
    intake = await startService(IntakeAppModule, QUEUE_GROUPS.intake);
    client = app.get(MessagingClient);
    orm = app.get(MikroORM);
  });

  afterAll(async () => {
    await app.close();
    await intake.close();
  });

  it('stores the result with the versions used and a hash of the input; the same key returns the first', async () => {
    const first = await run(request());
    // (770 − 300) × 3 = 1,410 + minor 10 % of 770 = 77 → 1,487 yuan.
    expect(first).toMatchObject({ eligible: true, totalFen: 148_700, divisionCode: '220102001001' });
    expect(first.inputHash).toMatch(/^[0-9a-f]{64}$/);
    const repeated = await run(request({ householdId: first.householdId }));
    expect(repeated.id).not.toBe(first.id);

    const key = `assess-${randomUUID()}`;
    const once = await run(request({ idempotencyKey: key, householdId: first.householdId }));
    const twice = await run(request({ idempotencyKey: key, householdId: first.householdId }));
    expect(twice).toEqual(once);
    expect(await count(first.householdId)).toBe(3);

    const stored = await as(CALLERS.street1, () =>
      client.request(SUBJECTS.eligibility.assessmentGet, { assessmentId: once.id }),
    );
    expect(stored).toEqual(once);
    const listed = await as(CALLERS.county1, () =>
      client.request(SUBJECTS.eligibility.assessmentList, { householdId: first.householdId }),
    );
    expect(listed.items.map((item) => item.id).sort()).toEqual([first.id, repeated.id, once.id].sort());
  });

  it('re-running the same inputs against the same versions gives the same result', async () => {
    const householdId = randomUUID();
    const a = await run(request({ householdId }));
    const b = await run(request({ householdId }));
    const figures = ({ id: _i, createdAt: _c, ...rest }: typeof a) => rest;
    expect(figures(b)).toEqual(figures(a));
  });

  it('many at once (written in groups) each get their own row; a key repeated inside a group is stored once', async () => {
    const householdId = randomUUID();
    const requests = Array.from({ length: 60 }, (_, i) =>
      request({
        householdId,
        incomes: [{ memberIdNumber: '220102198001010012', category: 'WAGES', amountFen: i * 1000, period: 'MONTH' }],
      }),
    );
    const twin = requests[7];
    const replies = await Promise.all([...requests, twin].map((r) => run(r)));
    expect(new Set(replies.map((reply) => reply.id)).size).toBe(60);
    expect(replies[60]).toEqual(replies[7]);
    expect(replies.map((reply) => reply.householdIncomeFen).slice(0, 60)).toEqual(requests.map((_, i) => i * 1000));
    expect(await count(householdId)).toBe(60);
  });

  it('refuses a reused key with other inputs, and nothing more is stored', async () => {
    const householdId = randomUUID();
    const key = `assess-${randomUUID()}`;
    await run(request({ idempotencyKey: key, householdId }));
    await expect(
      run(
        request({
          idempotencyKey: key,
          householdId,
          incomes: [{ memberIdNumber: '220102198001010012', category: 'WAGES', amountFen: 1, period: 'MONTH' }],
        }),
      ),
    ).rejects.toMatchObject({ code: ErrorCode.IDEMPOTENCY_CONFLICT, details: [{ field: 'idempotencyKey' }] });
    expect(await count(householdId)).toBe(1);
  });

  it('stores nothing for bad input: no standard in force, unknown division, no members, negative income', async () => {
    const householdId = randomUUID();
    const cases: Array<[Partial<RunAssessmentRequest>, ErrorCode, string]> = [
      [{ at: '2020-01-01' }, ErrorCode.NOT_FOUND, 'divisionCode'],
      [{ divisionCode: '220199001001' }, ErrorCode.VALIDATION_FAILED, 'divisionCode'],
      [{ members: [] }, ErrorCode.VALIDATION_FAILED, 'members'],
      [
        { incomes: [{ memberIdNumber: '220102198001010012', category: 'WAGES', amountFen: -1, period: 'MONTH' }] },
        ErrorCode.VALIDATION_FAILED,
        'incomes[0].amountFen',
      ],
    ];
    for (const [overrides, code, field] of cases) {
      await expect(run(request({ householdId, ...overrides }), CALLERS.system)).rejects.toMatchObject({
        code,
        details: [expect.objectContaining({ field })],
      });
    }
    expect(await count(householdId)).toBe(0);
  });

  it("is refused outside the caller's division and for roles that may not assess", async () => {
    await expect(run(request(), CALLERS.community2)).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(run(request(), CALLERS.finance1)).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    const stored = await run(request());
    await expect(
      as(CALLERS.otherCounty, () => client.request(SUBJECTS.eligibility.assessmentGet, { assessmentId: stored.id })),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
  });

  it('is immutable in the database: updates and deletes are refused', async () => {
    const stored = await run(request());
    const connection = orm.em.getConnection();
    await expect(
      connection.execute(`update eligibility.assessment set result = '{}' where id = ?`, [stored.id]),
    ).rejects.toThrow(/append-only/);
    await expect(connection.execute(`delete from eligibility.assessment where id = ?`, [stored.id])).rejects.toThrow(
      /append-only/,
    );
  });
});
