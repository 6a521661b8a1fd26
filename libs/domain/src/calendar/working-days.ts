/**
 * Working days on the Chinese public-holiday calendar (domain §1.3): Monday–Friday are working days and
 * Saturday–Sunday rest days, except the State Council's yearly arrangement — holidays on weekdays (isOffDay)
 * and make-up working days on weekends (调休, not isOffDay). A date in a year with no calendar loaded is an
 * explicit error, never a guess. Dates are 'YYYY-MM-DD' (China has one time zone); all arithmetic is in UTC.
 */
export interface CalendarYear {
  year: number;
  days: Array<{ date: string; isOffDay: boolean; name?: string }>;
}

export class CalendarMissingError extends Error {
  constructor(readonly year: number) {
    super(`no holiday calendar loaded for ${year}`);
    this.name = 'CalendarMissingError';
  }
}

export class WorkingCalendar {
  private readonly years = new Set<number>();
  private readonly exceptions = new Map<string, boolean>();

  constructor(years: CalendarYear[]) {
    for (const year of years) {
      this.years.add(year.year);
      for (const day of year.days) {
        if (!day.date.startsWith(`${year.year}-`)) {
          throw new RangeError(`${day.date} is not in ${year.year}`);
        }
        this.exceptions.set(day.date, day.isOffDay);
      }
    }
  }

  /** The years this calendar knows. */
  get loadedYears(): number[] {
    return [...this.years].sort();
  }

  isWorkingDay(date: string): boolean {
    const year = Number(date.slice(0, 4));
    if (!this.years.has(year)) {
      throw new CalendarMissingError(year);
    }
    const exception = this.exceptions.get(date);
    if (exception !== undefined) {
      return !exception;
    }
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The day by which something started on `from` must be done within `days` working days: counting starts the
   * day after `from` (a limit of 3 from a Friday before a holiday ends on the third working day after it).
   */
  addWorkingDays(from: string, days: number): string {
    if (!Number.isInteger(days) || days < 0) {
      throw new RangeError(`working days must be a non-negative integer, got ${days}`);
    }
    let date = from;
    let left = days;
    while (left > 0) {
      date = addCalendarDays(date, 1);
      if (this.isWorkingDay(date)) {
        left -= 1;
      }
    }
    return date;
  }

  /**
   * Like addWorkingDays, with the working days of `paused` periods not counted (a clock that stops during them,
   * e.g. publicity under Chongqing's rules): the due day moves on by the working days after each period's first
   * day up to and including its last.
   */
  addWorkingDaysExcluding(from: string, days: number, paused: Array<{ from: string; to: string }>): string {
    return this.addWorkingDays(
      from,
      paused.reduce((total, period) => total + this.workingDaysBetween(period.from, period.to), days),
    );
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let date = addCalendarDays(from, 1); date <= to; date = addCalendarDays(date, 1)) {
      if (this.isWorkingDay(date)) {
        count += 1;
      }
    }
    return count;
  }
}

/** `date` plus `days` calendar days (publicity periods are calendar days). */
export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The calendar date in Beijing (UTC+8) of an instant. */
export function beijingDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The instant a Beijing (UTC+8) calendar day begins, `plusDays` later: the bounds of a day range in queries. */
export function beijingDayStart(day: string, plusDays = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000);
}

/** Date and minute in Beijing (UTC+8) of an instant, as printed on documents: 'YYYY-MM-DD HH:mm'. */
export function beijingMinute(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
