import { addMonths, beijingMonth, monthStart } from './months';

describe('payroll months', () => {
  it('adds months across years both ways', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-03', 24)).toBe('2028-03');
    expect(monthStart('2026-02')).toBe('2026-02-01');
    expect(() => monthStart('2026-13')).toThrow(RangeError);
  });

  it('takes the month in Beijing time', () => {
    expect(beijingMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(beijingMonth(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
  });
});
