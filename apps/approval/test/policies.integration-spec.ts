import { randomUUID } from 'node:crypto';

import type { INestMicroservice } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';

import {
  type ApprovalRulesInput,
  type CreateApprovalPolicyRequest,
  ErrorCode,
  QUEUE_GROUPS,
  SUBJECTS,
} from '@app/contracts';
import { addCalendarDays, beijingDate } from '@app/domain';
import { MessagingClient, RemoteError } from '@app/platform';
import { AppModule as IntakeAppModule } from '@apps/intake/src/app.module';
import { as, caller, CALLERS } from '@test/support/callers';
import { NATIONAL_2021_RULES } from '@test/support/factories/approval-rules.factory';
import { startService } from '@test/support/services';

import { AppModule as ApprovalAppModule } from '../src/app.module';

/** Approval procedures as published versions per division (real PostgreSQL, NATS, intake for division codes). */
describe('approval policy versions (real PostgreSQL, NATS)', () => {
  let app: INestMicroservice;
  let intake: INestMicroservice;
  let client: MessagingClient;
  let orm: MikroORM;
  // 德惠市 (220183): no other test publishes for it, so this file owns its versions.
  const COUNTY = '220183';
  const COMMUNITY = '220183001001';
  const admin = caller(['ADMINISTRATOR'], '2201', 'changchun-admin');
  const approver = caller(['COUNTY_APPROVER'], COUNTY, 'dehui-approver');
  const today = beijingDate(new Date());
  const day = (n: number) => addCalendarDays(today, n);
  const national = NATIONAL_2021_RULES;
  const version = (overrides: Partial<CreateApprovalPolicyRequest> = {}): CreateApprovalPolicyRequest => ({
    divisionCode: COUNTY,
    effectiveFrom: day(1),
    rules: national,
    reason: '德民发〔2026〕8号',
    idempotencyKey: `policy-${randomUUID()}`,
    ...overrides,
  });
  const publish = (request: CreateApprovalPolicyRequest, who = admin) =>
    as(who, () => client.request(SUBJECTS.approval.policyCreate, request));
  const resolve = (at: string) =>
    as(CALLERS.system, () => client.request(SUBJECTS.approval.policyResolve, { divisionCode: COMMUNITY, at }));
  const versions = async () =>
    Number(
      (
        await orm.em
          .getConnection()
          .execute<Array<{ n: string }>>(`select count(*) as n from approval.approval_policy where division_code = ?`, [
            COUNTY,
          ])
      )[0].n,
    );
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a refusal');
      },
      (error: RemoteError) => error,
    );

  beforeAll(async () => {
    app = await startService(ApprovalAppModule, QUEUE_GROUPS.approval);
    intake = await startService(IntakeAppModule, QUEUE_GROUPS.intake);
    client = app.get(MessagingClient);
    orm = app.get(MikroORM);
    // Versions are never deleted by the service; a test database reused from an earlier run starts clean here.
    await orm.em.getConnection().execute(`delete from approval.approval_policy where division_code = ?`, [COUNTY]);
  });

  afterAll(async () => {
    await app.close();
    await intake.close();
  });

  it('publishes a version from tomorrow: today the province’s procedure applies, from tomorrow the county’s', async () => {
    const first = await publish(version());
    expect(first).toMatchObject({
      divisionCode: COUNTY,
      model: 'NATIONAL_2021',
      effectiveFrom: day(1),
      effectiveTo: null,
      createdBy: 'changchun-admin',
      reason: '德民发〔2026〕8号',
    });
    expect((await resolve(today)).divisionCode).toBe('22');
    expect(await resolve(day(1))).toMatchObject({ id: first.id, model: 'NATIONAL_2021', stages: national.stages });

    const listed = await as(approver, () =>
      client.request(SUBJECTS.approval.policyList, { divisionCode: COMMUNITY, at: day(1) }),
    );
    expect(listed.items.map((item) => item.divisionCode)).toEqual(['22', COUNTY]);
    expect(listed.inForce).toBe(first.id);
  });

  it('a later version closes the one before it the day before; each day resolves to its own version', async () => {
    const delegated = await publish(
      version({
        effectiveFrom: day(10),
        rules: {
          ...national,
          model: 'DELEGATED',
          stages: [{ stage: 'STREET', role: 'STREET_REVIEWER', limitWorkingDays: 20 }],
        },
      }),
    );
    expect((await resolve(day(9))).model).toBe('NATIONAL_2021');
    expect((await resolve(day(10))).id).toBe(delegated.id);
    // A later version has the county visit 30 % of its cases at home (入户抽查); the chain takes it with the version.
    const sampled = await publish(
      version({ effectiveFrom: day(12), rules: { ...national, homeVisitSamplePercent: 30 } }),
    );
    expect(await resolve(day(12))).toMatchObject({ id: sampled.id, homeVisitSamplePercent: 30 });
    const listed = await as(admin, () => client.request(SUBJECTS.approval.policyList, { divisionCode: COUNTY }));
    const closed = listed.items.find((item) => item.divisionCode === COUNTY && item.model === 'NATIONAL_2021')!;
    expect(closed).toMatchObject({ effectiveTo: day(9), closedBy: 'changchun-admin' });
    expect(listed.inForce).toBeNull();
  });

  it('answers a repeated key with the first version, refuses the key for another content, and writes nothing', async () => {
    const request = version({ effectiveFrom: day(20) });
    const first = await publish(request);
    const before = await versions();
    expect(await publish(request)).toMatchObject({ id: first.id });
    const reused = await refusal(publish({ ...request, reason: '另一文号' }));
    expect(reused.code).toBe(ErrorCode.IDEMPOTENCY_CONFLICT);
    expect(await versions()).toBe(before);
  });

  it('refuses a start today or earlier, before the last version, or rules that do not fit — each by its field', async () => {
    const before = await versions();
    const backdated = await refusal(publish(version({ effectiveFrom: today })));
    expect(backdated.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(backdated.details?.[0]).toMatchObject({ field: 'effectiveFrom' });

    const overlapping = await refusal(publish(version({ effectiveFrom: day(15) })));
    expect(overlapping.code).toBe(ErrorCode.CONFLICT);
    expect(overlapping.details?.[0].messages[0]).toContain(`${day(20)}至今`);

    const misfit = await refusal(
      publish(
        version({
          effectiveFrom: day(40),
          rules: {
            ...national,
            model: 'THREE_LEVEL',
            stages: [
              { stage: 'STREET', role: 'COMMUNITY_CASEWORKER', limitWorkingDays: 25 },
              { stage: 'COUNTY', role: 'COUNTY_APPROVER', limitWorkingDays: 10 },
            ],
            publicityAfter: 'COMMUNITY',
          },
        }),
      ),
    );
    expect(misfit.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(misfit.details?.map((detail) => detail.field).sort()).toEqual([
      'rules.overallLimitWorkingDays',
      'rules.publicityAfter',
      'rules.stages',
      'rules.stages.0.role',
    ]);

    const outOfRange = await refusal(
      publish(version({ effectiveFrom: day(40), rules: { ...national, publicityDays: 0 } })),
    );
    expect(outOfRange.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(JSON.stringify(outOfRange.details)).toContain('公示期至少1天');
    const oversampled = await refusal(
      publish(version({ effectiveFrom: day(40), rules: { ...national, homeVisitSamplePercent: 101 } })),
    );
    expect(oversampled.details).toEqual([
      { field: 'rules.homeVisitSamplePercent', messages: ['入户抽查比例不能大于100'] },
    ]);
    const noRules = await refusal(
      publish({ ...version({ effectiveFrom: day(40) }), rules: undefined as unknown as ApprovalRulesInput }),
    );
    expect(noRules.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(noRules.details?.map((detail) => detail.field)).toContain('rules');
    expect(await versions()).toBe(before);
  });

  it('lets only an administrator of the division publish, for a division that exists', async () => {
    const before = await versions();
    expect((await refusal(publish(version({ effectiveFrom: day(40) }), approver))).code).toBe(ErrorCode.FORBIDDEN);
    const jilinCity = caller(['ADMINISTRATOR'], '2202', 'jilin-city-admin');
    expect((await refusal(publish(version({ effectiveFrom: day(40) }), jilinCity))).code).toBe(ErrorCode.FORBIDDEN);
    const unknown = await refusal(publish(version({ divisionCode: '220199', effectiveFrom: day(40) })));
    expect(unknown.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(unknown.details?.[0]).toMatchObject({ field: 'divisionCode' });
    expect(await versions()).toBe(before);
  });

  it('keeps periods apart in the database itself (exclusion constraint), whatever writes there', async () => {
    await expect(
      orm.em.getConnection().execute(
        `insert into approval.approval_policy (id, created_at, updated_at, division_code, effective_from, rules)
         values (gen_random_uuid(), now(), now(), ?, ?, '{}'::jsonb)`,
        [COUNTY, day(30)],
      ),
    ).rejects.toThrow(/approval_policy_no_overlap/);
  });
});
