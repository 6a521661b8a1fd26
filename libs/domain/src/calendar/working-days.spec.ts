import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  addCalendarDays,
  beijingDate,
  beijingDayStart,
  CalendarMissingError,
  type CalendarYear,
  WorkingCalendar,
} from './working-days';

const data = (year: number) =>
  JSON.parse(
    readFileSync(join(__dirname, '../../../../apps/approval/src/calendar/data', `${year}.json`), 'utf8'),
  ) as CalendarYear;
const calendar = new WorkingCalendar([data(2025), data(2026)]);

describe('WorkingCalendar (official 2025–2026 arrangements)', () => {
  it('knows weekends, holidays on weekdays and make-up working days on weekends', () => {
    expect(calendar.isWorkingDay('2026-11-26')).toBe(true); // a Thursday
    expect(calendar.isWorkingDay('2026-11-28')).toBe(false); // a Saturday
    expect(calendar.isWorkingDay('2025-10-01')).toBe(false); // National Day
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true); // Sunday made a working day (调休)
  });

  it('counts a limit from the day after, skipping the National Day week', () => {
    // Tuesday 2025-09-30 + 3 working days: 10-01…10-08 are off, 10-09 (Thu), 10-10 (Fri), 10-11 (Sat, 调休).
    expect(calendar.addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
    // A plain week: Thursday + 3 → the next Tuesday.
    expect(calendar.addWorkingDays('2026-11-26', 3)).toBe('2026-12-01');
    expect(calendar.addWorkingDays('2026-11-26', 0)).toBe('2026-11-26');
    expect(calendar.workingDaysBetween('2026-11-26', '2026-12-01')).toBe(3);
  });

  it('moves a due day on by the working days of the periods its clock stops for', () => {
    // 10 working days from Thu 2026-11-05 end on Thu 11-19; a publicity from 11-09 to 11-16 covers five of them.
    expect(calendar.addWorkingDays('2026-11-05', 10)).toBe('2026-11-19');
    expect(calendar.addWorkingDaysExcluding('2026-11-05', 10, [{ from: '2026-11-09', to: '2026-11-16' }])).toBe(
      '2026-11-26',
    );
    // Two periods add up; a period of rest days only moves nothing.
    expect(
      calendar.addWorkingDaysExcluding('2026-11-05', 10, [
        { from: '2026-11-09', to: '2026-11-16' },
        { from: '2026-11-19', to: '2026-11-22' },
      ]),
    ).toBe('2026-11-27');
    expect(calendar.addWorkingDaysExcluding('2026-11-05', 10, [{ from: '2026-11-06', to: '2026-11-08' }])).toBe(
      '2026-11-19',
    );
  });

  it('refuses to guess for a year with no calendar loaded', () => {
    expect(() => calendar.addWorkingDays('2026-12-28', 10)).toThrow(CalendarMissingError);
    expect(() => calendar.isWorkingDay('2027-01-04')).toThrow('no holiday calendar loaded for 2027');
  });

  it('adds calendar days across a month end and tells the Beijing date of an instant', () => {
    expect(addCalendarDays('2026-11-26', 7)).toBe('2026-12-03');
    expect(beijingDate(new Date('2026-11-26T16:30:00Z'))).toBe('2026-11-27');
  });

  it('tells the instant a Beijing day begins, and the next day’s across a year end', () => {
    expect(beijingDayStart('2026-11-27').toISOString()).toBe('2026-11-26T16:00:00.000Z');
    expect(beijingDayStart('2026-12-31', 1).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});
