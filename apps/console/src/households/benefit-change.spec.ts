import { benefitChangeBody, type BenefitChangeDraft } from './benefit-change';

describe('a change of a benefit as a request body', () => {
  const draft: BenefitChangeDraft = {
    kind: 'AMOUNT',
    effectiveMonth: '2027-01',
    baseYuan: '520',
    supplementYuan: '60.5',
    gradualExitMonths: '3',
    decision: ' 南民发〔2026〕88号 ',
    reason: ' 家庭收入下降 ',
  };

  it('sends a new amount in fen, without the gradual exit of a termination', () => {
    expect(benefitChangeBody(draft)).toEqual({
      ok: true,
      body: {
        kind: 'AMOUNT',
        effectiveMonth: '2027-01',
        baseFen: 52_000,
        supplementFen: 6_050,
        decision: '南民发〔2026〕88号',
        reason: '家庭收入下降',
      },
    });
  });

  it('names an amount that is not yuan by the field the gateway uses', () => {
    expect(benefitChangeBody({ ...draft, baseYuan: '五百', supplementYuan: '1.234' })).toEqual({
      ok: false,
      fields: [
        { field: 'baseFen', messages: ['金额应为元，最多两位小数'] },
        { field: 'supplementFen', messages: ['金额应为元，最多两位小数'] },
      ],
    });
  });

  it('sends no amounts with another kind, and a gradual exit only with a termination', () => {
    expect(benefitChangeBody({ ...draft, kind: 'SUSPEND', baseYuan: 'x' })).toMatchObject({
      ok: true,
      body: { kind: 'SUSPEND', effectiveMonth: '2027-01' },
    });
    const suspend = benefitChangeBody({ ...draft, kind: 'SUSPEND' });
    expect(suspend.ok && suspend.body).not.toHaveProperty('baseFen');
    expect(suspend.ok && suspend.body).not.toHaveProperty('gradualExitMonths');
    const ended = benefitChangeBody({ ...draft, kind: 'TERMINATE' });
    expect(ended.ok && ended.body.gradualExitMonths).toBe(3);
    const now = benefitChangeBody({ ...draft, kind: 'TERMINATE', gradualExitMonths: '' });
    expect(now.ok && now.body).not.toHaveProperty('gradualExitMonths');
  });
});
