import { randomUUID } from 'node:crypto';

import type { INestMicroservice } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';

import {
  type CreatePolicyRequest,
  type CreateStandardRequest,
  ErrorCode,
  type PolicyRules,
  QUEUE_GROUPS,
  SUBJECTS,
} from '@app/contracts';
import { MessagingClient } from '@app/platform';
import { AppModule as IntakeAppModule } from '@apps/intake/src/app.module';
import { as, caller, CALLERS } from '@test/support/callers';
import { startService } from '@test/support/services';

import { AppModule as EligibilityAppModule } from '../src/app.module';

/** Standards and policies as audited versions with no overlapping periods (real PostgreSQL, NATS). */
describe('standards and policies (real PostgreSQL, NATS)', () => {
  let app: INestMicroservice;
  let intake: INestMicroservice;
  let client: MessagingClient;
  let orm: MikroORM;
  // 九台区 (220113): a county of 长春 with no county-level version seeded, so these tests own its rows.
  const cityAdmin = caller(['ADMINISTRATOR'], '2201', 'city-admin');
  const otherAdmin = caller(['ADMINISTRATOR'], '2202', 'jilin-city-admin');
  const standard = (overrides: Partial<CreateStandardRequest> = {}): CreateStandardRequest => ({
    divisionCode: '220113',
    urbanRural: 'URBAN',
    effectiveFrom: '2026-01-01',
    amountFen: 80_000,
    period: 'MONTH',
    reason: '长民发〔2025〕12号',
    idempotencyKey: `std-${randomUUID()}`,
    ...overrides,
  });
  const rules: PolicyRules = {
    method: 'GAP',
    supplements: [{ category: 'ELDERLY', perMilleOfStandard: 150 }],
    rounding: { unitFen: 100, mode: 'UP' },
    countedIncome: ['WAGES', 'BUSINESS'],
    deductible: ['RIGID_MEDICAL'],
    moneyAssetMultipleOfAnnualStandard: 2,
    maxDwellings: 1,
    marginPerMille: 1500,
  };
  const createStandard = (request: CreateStandardRequest, who = cityAdmin) =>
    as(who, () => client.request(SUBJECTS.eligibility.standardCreate, request));
  const createPolicy = (request: CreatePolicyRequest, who = cityAdmin) =>
    as(who, () => client.request(SUBJECTS.eligibility.policyCreate, request));
  const rows = async (table: string) =>
    Number(
      (
        await orm.em
          .getConnection()
          .execute<Array<{ n: string }>>(
            `select count(*) as n from eligibility.${table} where division_code = '220113'`,
          )
      )[0].n,
    );

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

  it('publishes versions, refuses overlaps, closes the previous one on request, and audits each change', async () => {
    const first = await createStandard(standard());
    expect(first).toMatchObject({ divisionCode: '220113', amountFen: 80_000, effectiveTo: null });

    const overlapping = standard({ effectiveFrom: '2026-07-01', amountFen: 85_000 });
    await expect(createStandard(overlapping)).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      details: [{ field: 'effectiveFrom', messages: [expect.stringContaining('2026-01-01至今')] }],
    });
    expect(await rows('standard')).toBe(1);

    const second = await createStandard({ ...overlapping, closePrevious: true });
    const listed = await as(cityAdmin, () =>
      client.request(SUBJECTS.eligibility.standardList, { divisionCode: '220113' }),
    );
    expect(
      listed.items.filter((s) => s.divisionCode === '220113').map((s) => [s.effectiveFrom, s.effectiveTo]),
    ).toEqual([
      ['2026-01-01', '2026-06-30'],
      ['2026-07-01', null],
    ]);
    const jiutaiCaseworker = caller(['COMMUNITY_CASEWORKER'], '220113001001', 'jiutai');
    const inForce = await as(jiutaiCaseworker, () =>
      client.request(SUBJECTS.eligibility.standardList, { divisionCode: '220113001001', at: '2026-03-01' }),
    );
    await expect(
      as(CALLERS.community1, () => client.request(SUBJECTS.eligibility.standardList, { divisionCode: '220113' })),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    // The county's own version and the prefecture's (长春) both govern; the county's is the more specific.
    expect(inForce.items.map((s) => s.divisionCode).sort()).toEqual(['2201', '2201', '220113']);

    const trail = await as(cityAdmin, () =>
      client.request(SUBJECTS.eligibility.ruleChangeList, { divisionCode: '220113' }),
    );
    expect(trail.items.map((c) => [c.action, c.versionId, c.actorName, c.reason])).toEqual([
      ['CREATE', second.id, 'city-admin', '长民发〔2025〕12号'],
      ['CLOSE', first.id, 'city-admin', '长民发〔2025〕12号'],
      ['CREATE', first.id, 'city-admin', '长民发〔2025〕12号'],
    ]);
    expect(trail.items[1]).toMatchObject({ before: { effectiveTo: null }, after: { effectiveTo: '2026-06-30' } });
  });

  it("the assessment uses the county version over the prefecture one, and the policy's counted income", async () => {
    await createPolicy({
      divisionCode: '220113',
      effectiveFrom: '2026-01-01',
      rules,
      reason: '九台区低保计算办法（演示）',
      idempotencyKey: `pol-${randomUUID()}`,
    });
    const result = await as(CALLERS.system, () =>
      client.request(SUBJECTS.eligibility.assessmentPreview, {
        divisionCode: '220113001001',
        urbanRural: 'URBAN',
        at: '2026-08-01',
        members: [{ idNumber: '220102198001010012', birthDate: '1980-01-01', health: 'HEALTHY' }],
        incomes: [
          { memberIdNumber: '220102198001010012', category: 'WAGES', amountFen: 30_000, period: 'MONTH' },
          { memberIdNumber: '220102198001010012', category: 'TRANSFER', amountFen: 30_000, period: 'MONTH' },
        ],
      }),
    );
    // 850 (county, from 2026-07-01) − 300 (transfers not counted there) = 550.
    expect(result).toMatchObject({ standardFen: 85_000, householdIncomeFen: 30_000, totalFen: 55_000 });
  });

  it('is idempotent by key; a reused key with other content is refused', async () => {
    const key = `std-${randomUUID()}`;
    const request = standard({ urbanRural: 'RURAL', effectiveFrom: '2027-01-01', idempotencyKey: key, note: '农村' });
    const a = await createStandard(request);
    const b = await createStandard(request);
    expect(b).toEqual(a);
    await expect(createStandard({ ...request, amountFen: 1 })).rejects.toMatchObject({
      code: ErrorCode.IDEMPOTENCY_CONFLICT,
    });
  });

  it('refuses bad input and callers who may not manage, storing nothing', async () => {
    const before = await rows('standard');
    await expect(createStandard(standard({ effectiveFrom: '2031-01-01' }), CALLERS.county1)).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
    await expect(createStandard(standard({ effectiveFrom: '2031-01-01' }), otherAdmin)).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
    await expect(
      createStandard(standard({ effectiveFrom: '2031-01-01', effectiveTo: '2030-12-31' })),
    ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED, details: [{ field: 'effectiveTo' }] });
    await expect(
      createStandard(standard({ divisionCode: '220199', effectiveFrom: '2031-01-01' })),
    ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED, details: [{ field: 'divisionCode' }] });
    await expect(createStandard(standard({ divisionCode: '220113001' }))).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'divisionCode' }],
    });
    await expect(
      createPolicy({
        divisionCode: '220113',
        effectiveFrom: '2031-01-01',
        rules: { ...rules, rounding: { unitFen: 3 as 1, mode: 'UP' }, marginPerMille: 900 },
        reason: 'x',
        idempotencyKey: `pol-${randomUUID()}`,
      }),
    ).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: expect.arrayContaining([
        expect.objectContaining({ field: 'rules.rounding.unitFen' }),
        expect.objectContaining({ field: 'rules.marginPerMille' }),
      ]),
    });
    expect(await rows('standard')).toBe(before);
  });

  it('the database itself refuses overlaps, edits of a version and changes to the audit trail', async () => {
    const connection = orm.em.getConnection();
    await expect(
      connection.execute(
        `insert into eligibility.standard (id, created_at, updated_at, division_code, urban_rural, effective_from, amount_fen, period)
         values (gen_random_uuid(), now(), now(), '220113', 'URBAN', '2026-03-01', 1, 'MONTH')`,
      ),
    ).rejects.toThrow(/standard_no_overlap/);
    await expect(
      connection.execute(`update eligibility.standard set amount_fen = 1 where division_code = '220113'`),
    ).rejects.toThrow(/never edited/);
    await expect(connection.execute(`delete from eligibility.rule_change`)).rejects.toThrow(/append-only/);
  });
});
