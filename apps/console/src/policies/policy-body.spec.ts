import type { ApprovalPolicy } from '@app/contracts/approval/approval-policy';

import { draftFrom, policyBody, standingOn, withModel } from './policy-body';

describe('a new version of an approval procedure as a request body', () => {
  const base: ApprovalPolicy = {
    id: 'p1',
    divisionCode: '22',
    model: 'NATIONAL_2021',
    stages: [
      { stage: 'STREET', role: 'STREET_REVIEWER', limitWorkingDays: 15 },
      { stage: 'COUNTY', role: 'COUNTY_APPROVER', limitWorkingDays: 10 },
    ],
    publicityAfter: 'STREET',
    publicityDays: 7,
    appraisal: 'NEVER',
    homeVisitSamplePercent: 30,
    overallLimitWorkingDays: 30,
    firstPaymentMonthOffset: 1,
  };

  it('starts from a version: its rules, for the division and day chosen, with no reason yet', () => {
    const draft = draftFrom('220122', '2027-01-01', base);
    expect(policyBody({ ...draft, reason: ' 农民发〔2026〕12号 ' })).toEqual({
      divisionCode: '220122',
      effectiveFrom: '2027-01-01',
      reason: '农民发〔2026〕12号',
      rules: {
        model: 'NATIONAL_2021',
        stages: [
          { stage: 'STREET', role: 'STREET_REVIEWER', limitWorkingDays: 15 },
          { stage: 'COUNTY', role: 'COUNTY_APPROVER', limitWorkingDays: 10 },
        ],
        publicityAfter: 'STREET',
        publicityDays: 7,
        appraisal: 'NEVER',
        surveyRequired: false,
        homeVisitSamplePercent: 30,
        overallLimitWorkingDays: 30,
        overallClockExcludesPublicity: false,
        noticeDeliveryWorkingDays: 3,
        firstPaymentMonthOffset: 1,
      },
    });
  });

  it('sends only the stages of the model chosen, each decided by its role, and moves publicity onto one of them', () => {
    const draft = withModel(draftFrom('220122', '2027-01-01'), 'DELEGATED');
    const body = policyBody(draft) as { rules: Record<string, unknown> };
    expect(body.rules.stages).toEqual([{ stage: 'STREET', role: 'STREET_REVIEWER', limitWorkingDays: 10 }]);
    expect(body.rules.publicityAfter).toBe('STREET');
    expect(body.rules.extendedLimitWorkingDays).toBe(45);
    // Back to three levels: the community's limit as it was typed, publicity kept after the street.
    const back = withModel({ ...draft, limits: { ...draft.limits, COMMUNITY: '8' } }, 'THREE_LEVEL');
    expect((policyBody(back) as { rules: { stages: unknown[]; publicityAfter: string } }).rules).toMatchObject({
      stages: [
        expect.objectContaining({ stage: 'COMMUNITY', limitWorkingDays: 8 }),
        expect.anything(),
        expect.anything(),
      ],
      publicityAfter: 'STREET',
    });
  });

  it('leaves out an empty optional number and sends what is not a number as typed, for the gateway to name', () => {
    const draft = { ...draftFrom('220122', '2027-01-01'), extendedLimitWorkingDays: ' ', publicityDays: '七' };
    const { rules } = policyBody({ ...draft, limits: { ...draft.limits, STREET: '1.5' } }) as {
      rules: Record<string, unknown> & { stages: Array<{ limitWorkingDays: unknown }> };
    };
    expect(rules).not.toHaveProperty('extendedLimitWorkingDays');
    expect(rules).not.toHaveProperty('homeVisitSamplePercent');
    expect(rules.publicityDays).toBe('七');
    expect(rules.stages[1].limitWorkingDays).toBe('1.5');
  });

  it('tells a version in force from one to come and one ended', () => {
    expect(standingOn({ effectiveFrom: '2026-01-01', effectiveTo: null }, '2026-11-29')).toBe('CURRENT');
    expect(standingOn({ effectiveFrom: '2026-01-01', effectiveTo: '2026-11-29' }, '2026-11-29')).toBe('CURRENT');
    expect(standingOn({ effectiveFrom: '2026-01-01', effectiveTo: '2026-11-28' }, '2026-11-29')).toBe('ENDED');
    expect(standingOn({ effectiveFrom: '2026-11-30', effectiveTo: null }, '2026-11-29')).toBe('UPCOMING');
  });
});
