import { codeChoices, HEALTH_LABELS, householdCodeLabel, RELATIONSHIPS, SEX_LABELS } from './household-codes';

describe('household code labels', () => {
  it('gives the Chinese of a stored code', () => {
    expect(householdCodeLabel(RELATIONSHIPS, '02')).toBe('户主');
    expect(householdCodeLabel(HEALTH_LABELS, 'SERIOUS_ILLNESS')).toBe('重病');
    expect(householdCodeLabel(SEX_LABELS, 'F')).toBe('女');
  });

  it('shows a code it does not know as it is, and nothing for none', () => {
    expect(householdCodeLabel(HEALTH_LABELS, 'RECOVERING')).toBe('RECOVERING');
    expect(householdCodeLabel(HEALTH_LABELS, 'toString')).toBe('toString');
    expect(householdCodeLabel(HEALTH_LABELS, null)).toBe('');
  });

  it('lists the allowed codes with their Chinese for a refusal', () => {
    expect(codeChoices(HEALTH_LABELS)).toBe(
      'HEALTHY（健康）、CHRONIC_ILLNESS（慢性病）、SERIOUS_ILLNESS（重病）、DISABLED（残疾）',
    );
  });
});
