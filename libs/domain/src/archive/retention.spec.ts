import {
  extendRetention,
  lastDayToKeep,
  recordPeriodLabel,
  recordPeriodStart,
  recordRetainUntil,
  statisticsPeriodsClosedBy,
} from './retention';

describe('retention periods', () => {
  it('keeps a file five full years from the day benefits ended', () => {
    expect(lastDayToKeep('2019-01-01', 5)).toBe('2023-12-31');
    expect(lastDayToKeep('2020-03-01', 5)).toBe('2025-02-28');
  });

  it('extends a period by whole years from the day after it ended', () => {
    expect(extendRetention('2023-12-31', 2)).toBe('2025-12-31');
    expect(extendRetention('2024-02-28', 1)).toBe('2025-02-28');
  });

  it('keeps records from the end of the year their period falls in: rosters 30 years, reports 5, annual ones for good', () => {
    expect(recordRetainUntil('PAYMENT_ROSTER', '2026-11')).toBe('2056-12-31');
    expect(recordRetainUntil('STATISTICS_MONTHLY', '2026-01')).toBe('2031-12-31');
    expect(recordRetainUntil('STATISTICS_QUARTERLY', '2026-Q4')).toBe('2031-12-31');
    expect(recordRetainUntil('STATISTICS_ANNUAL', '2026')).toBeNull();
  });

  it('stores a period by its first day and gives it back as filed', () => {
    expect(recordPeriodStart('2026-11')).toBe('2026-11-01');
    expect(recordPeriodStart('2026-Q4')).toBe('2026-10-01');
    expect(recordPeriodStart('2026')).toBe('2026-01-01');
    expect(recordPeriodLabel('STATISTICS_QUARTERLY', '2026-10-01')).toBe('2026-Q4');
    expect(recordPeriodLabel('STATISTICS_ANNUAL', '2026-01-01')).toBe('2026');
    expect(recordPeriodLabel('PAYMENT_ROSTER', '2026-11-01')).toBe('2026-11');
  });

  it('closes a month, a quarter with its last month and the year with December', () => {
    expect(statisticsPeriodsClosedBy('2026-11').map((report) => report.period)).toEqual(['2026-11']);
    expect(statisticsPeriodsClosedBy('2026-09').map((report) => report.period)).toEqual(['2026-09', '2026-Q3']);
    expect(statisticsPeriodsClosedBy('2026-12')).toEqual([
      { recordType: 'STATISTICS_MONTHLY', period: '2026-12' },
      { recordType: 'STATISTICS_QUARTERLY', period: '2026-Q4' },
      { recordType: 'STATISTICS_ANNUAL', period: '2026' },
    ]);
  });
});
