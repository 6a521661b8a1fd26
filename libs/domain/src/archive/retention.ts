import { addCalendarDays } from '../calendar/working-days';
import { MONTH_PATTERN } from '../payment/months';

/** The last day a file must be kept when it is kept `years` full years from `from` (both 'YYYY-MM-DD'). */
export function lastDayToKeep(from: string, years: number): string {
  const [y, m, d] = from.split('-').map(Number);
  const anniversary = new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
  return addCalendarDays(anniversary, -1);
}

/** The new last day when a file due on `retainUntil` is kept `years` longer. */
export function extendRetention(retainUntil: string, years: number): string {
  return lastDayToKeep(addCalendarDays(retainUntil, 1), years);
}

/** Records kept apart from household files, each with its archive category and retention period. */
export const RECORD_RETENTION = {
  /** 发放花名册: attached to the payment vouchers, an accounting record (会计档案管理办法 2015: vouchers 30 years). */
  PAYMENT_ROSTER: { category: 'ACCOUNTING', code: 'D30', years: 30 },
  /** 统计月报 / 季报: administrative records, 5 years (Jilin dibao archive rule, Art. 13). */
  STATISTICS_MONTHLY: { category: 'ADMINISTRATIVE', code: 'D5', years: 5 },
  STATISTICS_QUARTERLY: { category: 'ADMINISTRATIVE', code: 'D5', years: 5 },
  /** 统计年报: permanent (Jilin, Art. 13). */
  STATISTICS_ANNUAL: { category: 'ADMINISTRATIVE', code: 'Y', years: null },
} as const satisfies Record<string, { category: 'ACCOUNTING' | 'ADMINISTRATIVE'; code: string; years: number | null }>;

export type RecordType = keyof typeof RECORD_RETENTION;

/** How a record's period is written, by type: a month, a quarter (YYYY-Qn) or a year. */
export const RECORD_PERIOD_PATTERNS: Record<RecordType, RegExp> = {
  PAYMENT_ROSTER: MONTH_PATTERN,
  STATISTICS_MONTHLY: MONTH_PATTERN,
  STATISTICS_QUARTERLY: /^\d{4}-Q[1-4]$/,
  STATISTICS_ANNUAL: /^\d{4}$/,
};

/**
 * The last day a record of `period` ('YYYY-MM', 'YYYY-Qn' or 'YYYY') must be kept: counted from the first day
 * after the year the period falls in (as accounting and administrative records are), e.g. a roster of 2026-11
 * kept 30 years is due after 2056-12-31. Null: kept permanently.
 */
export function recordRetainUntil(recordType: RecordType, period: string): string | null {
  const { years } = RECORD_RETENTION[recordType];
  return years === null ? null : lastDayToKeep(`${Number(period.slice(0, 4)) + 1}-01-01`, years);
}

/** The first day of a period given as YYYY-MM, YYYY-Qn or YYYY. */
export function recordPeriodStart(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    return `${quarter[1]}-${String(Number(quarter[2]) * 3 - 2).padStart(2, '0')}-01`;
  }
  return period.length === 4 ? `${period}-01-01` : `${period}-01`;
}

/** A record's period as filed (YYYY-MM, YYYY-Qn or YYYY) from its first day, by record type. */
export function recordPeriodLabel(recordType: RecordType, firstDay: string): string {
  switch (recordType) {
    case 'STATISTICS_QUARTERLY':
      return `${firstDay.slice(0, 4)}-Q${Math.ceil(Number(firstDay.slice(5, 7)) / 3)}`;
    case 'STATISTICS_ANNUAL':
      return firstDay.slice(0, 4);
    case 'PAYMENT_ROSTER':
    case 'STATISTICS_MONTHLY':
      return firstDay.slice(0, 7);
  }
}

/** The statistics reports a month's close files: its own, its quarter's when it ends one, its year's in December. */
export function statisticsPeriodsClosedBy(
  month: string,
): Array<{ recordType: Exclude<RecordType, 'PAYMENT_ROSTER'>; period: string }> {
  const [year, m] = [month.slice(0, 4), Number(month.slice(5, 7))];
  return [
    { recordType: 'STATISTICS_MONTHLY' as const, period: month },
    ...(m % 3 === 0 ? [{ recordType: 'STATISTICS_QUARTERLY' as const, period: `${year}-Q${m / 3}` }] : []),
    ...(m === 12 ? [{ recordType: 'STATISTICS_ANNUAL' as const, period: year }] : []),
  ];
}
