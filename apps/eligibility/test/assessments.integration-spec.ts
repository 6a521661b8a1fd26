import type { INestMicroservice } from '@nestjs/common';

import { ErrorCode, type PreviewAssessmentRequest, QUEUE_GROUPS, SUBJECTS } from '@app/contracts';
import { MessagingClient } from '@app/platform';
import { AppModule as IntakeAppModule } from '@apps/intake/src/app.module';
import { as, CALLERS } from '@test/support/callers';
import { startService } from '@test/support/services';

import { AppModule as EligibilityAppModule } from '../src/app.module';

/** The preview against the seeded demo standard of 长春市 (urban 770 yuan) and the demo policy. */
describe('eligibility preview (real PostgreSQL, NATS)', () => {
  let app: INestMicroservice;
  let intake: INestMicroservice;
  let client: MessagingClient;
  const preview = (request: PreviewAssessmentRequest, who = CALLERS.community1) =>
    as(who, () => client.request(SUBJECTS.eligibility.assessmentPreview, request));
  const family = (overrides: Partial<PreviewAssessmentRequest> = {}): PreviewAssessmentRequest => ({
    divisionCode: '220102001001',
    urbanRural: 'URBAN',
    at: '2026-11-26',
    members: [
      { idNumber: '220102198001010012', birthDate: '1980-01-01', health: 'HEALTHY' },
      { idNumber: '220102198202020021', birthDate: '1982-02-02', health: 'SERIOUS_ILLNESS' },
      { idNumber: '220102201001010033', birthDate: '2010-01-01', health: 'HEALTHY' },
    ],
    incomes: [{ memberIdNumber: '220102198001010012', category: 'WAGES', amountFen: 90_000, period: 'MONTH' }],
    ...overrides,
  });

  beforeAll(async () => {
    app = await startService(EligibilityAppModule, QUEUE_GROUPS.eligibility);
    intake = await startService(IntakeAppModule, QUEUE_GROUPS.intake);
    client = app.get(MessagingClient);
  });

  afterAll(async () => {
    await app.close();
    await intake.close();
  });

  it('applies the standard of the prefecture and the policy in force, with supplements and an explanation', async () => {
    const result = await preview(family());
    // (770 − 300) × 3 = 1,410; seriously ill 20 % of 770 = 154; minor 10 % = 77 → 1,641.
    expect(result).toMatchObject({
      eligible: true,
      perCapitaIncomeFen: 30_000,
      standardFen: 77_000,
      baseFen: 141_000,
      supplementsFen: 23_100,
      totalFen: 164_100,
    });
    expect(result.rules.map((rule) => rule.code)).toEqual(
      expect.arrayContaining(['INCOME', 'BASE_GAP', 'SUPPLEMENT_SERIOUSLY_ILL', 'SUPPLEMENT_MINOR', 'TOTAL']),
    );
    expect(result.rules.find((rule) => rule.code === 'TOTAL')?.text).toBe(
      '保障金1410.00元 + 分类施保金231.00元，合计每月1641.00元',
    );
    expect(result.standardId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('uses the rural standard for a rural household', async () => {
    expect((await preview(family({ urbanRural: 'RURAL' }))).standardFen).toBe(50_000);
  });

  it('answers NOT_FOUND where no standard is in force (before it, or elsewhere)', async () => {
    await expect(preview(family({ at: '2024-06-30' }))).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
      details: [{ field: 'divisionCode' }],
    });
    await expect(preview(family({ divisionCode: '220202' }), CALLERS.system)).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
  });

  it('refuses a date that does not exist with a field-level 400, never a database error', async () => {
    for (const at of ['2026-13-45', '2026-02-30']) {
      await expect(preview(family({ at }))).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        details: [{ field: 'at' }],
      });
    }
    const badBirth = family({
      members: [{ idNumber: '220102198001010012', birthDate: '1980-02-31', health: 'HEALTHY' }],
    });
    await expect(preview(badBirth)).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'members[0].birthDate' }],
    });
  });

  it('refuses negative amounts with a field-level error and callers outside the division', async () => {
    const negative = family({
      incomes: [{ memberIdNumber: '220102198001010012', category: 'WAGES', amountFen: -5, period: 'MONTH' }],
    });
    await expect(preview(negative)).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
    await expect(preview(family(), CALLERS.community2)).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
  });

  it('refuses a division the registry does not know, an overflowing amount and a household with no members', async () => {
    await expect(preview(family({ divisionCode: '229999001001' }), CALLERS.system)).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'divisionCode', messages: ['行政区划代码229999001001不存在'] }],
    });
    const overflowing = family({
      incomes: [{ memberIdNumber: '220102198001010012', category: 'WAGES', amountFen: 2 ** 53, period: 'MONTH' }],
    });
    await expect(preview(overflowing)).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'incomes[0].amountFen' }],
    });
    await expect(preview(family({ members: [] }))).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'members', messages: ['至少一名家庭成员'] }],
    });
  });
});
