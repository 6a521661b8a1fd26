/** A payroll month written YYYY-MM (e.g. 2026-12). */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The first day of a YYYY-MM month as YYYY-MM-DD (how months are stored). */
export function monthStart(month: string): string {
  if (!MONTH_PATTERN.test(month)) {
    throw new RangeError(`not a YYYY-MM month: ${month}`);
  }
  return `${month}-01`;
}

/** The month n months after a YYYY-MM month (n may be negative). */
export function addMonths(month: string, n: number): string {
  monthStart(month);
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The Beijing-time month (UTC+8, no daylight saving) of an instant. */
export function beijingMonth(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

/** A bank card or account number: 12–30 digits. */
export const ACCOUNT_NUMBER_PATTERN = /^\d{12,30}$/;
