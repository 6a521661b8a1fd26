import { addCalendarDays } from '../calendar/working-days';

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
