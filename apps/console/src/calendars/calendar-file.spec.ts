import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { holidaysOf, readCalendarFile } from './calendar-file';

describe('a calendar file read before it is loaded', () => {
  const published = readFileSync(join(__dirname, '../../../approval/src/calendar/data/2026.json'), 'utf8');

  it('reads the published file as the approval service takes it: the days, the State Council paper', () => {
    const reading = readCalendarFile(published);
    if (!reading.ok) {
      throw new Error(reading.message);
    }
    expect(reading.file.year).toBe(2026);
    expect(reading.file.papers).toEqual([expect.stringContaining('gov.cn')]);
    expect(reading.file.days).toContainEqual({ date: '2026-01-01', isOffDay: true, name: '元旦' });
    expect(
      reading.file.days.every((day) => Object.keys(day).every((key) => ['date', 'isOffDay', 'name'].includes(key))),
    ).toBe(true);
  });

  it('groups the year by holiday, its days off and its make-up working days in order', () => {
    const reading = readCalendarFile(
      JSON.stringify({
        year: 2027,
        days: [
          { name: '春节', date: '2027-02-07', isOffDay: false },
          { name: '元旦', date: '2027-01-01', isOffDay: true },
          { name: '春节', date: '2027-02-06', isOffDay: true },
          { name: '春节', date: '2027-02-05', isOffDay: true },
        ],
      }),
    );
    expect(reading.ok && holidaysOf(reading.file)).toEqual([
      { name: '元旦', off: ['2027-01-01'], workdays: [] },
      { name: '春节', off: ['2027-02-05', '2027-02-06'], workdays: ['2027-02-07'] },
    ]);
  });

  it.each([
    ['not JSON', '{"year": 2027,', '文件不是有效的JSON'],
    ['a list', '[]', '文件内容应为一个对象'],
    ['no year', JSON.stringify({ days: [{ date: '2027-01-01', isOffDay: true }] }), '文件中缺少年份（year）'],
    ['no days', JSON.stringify({ year: 2027, days: [] }), '文件中没有节假日安排（days）'],
    [
      'a day that does not exist',
      JSON.stringify({ year: 2027, days: [{ date: '2027-02-30', isOffDay: true }] }),
      '第1条安排的日期（date）应为存在的日期',
    ],
    [
      'a day of another year',
      JSON.stringify({
        year: 2027,
        days: [
          { date: '2027-01-01', isOffDay: true },
          { date: '2026-12-31', isOffDay: true },
        ],
      }),
      '第2条安排的日期2026-12-31不属于2027年',
    ],
    [
      'a day without isOffDay',
      JSON.stringify({ year: 2027, days: [{ date: '2027-01-01', off: true }] }),
      '第1条安排（2027-01-01）缺少是否放假（isOffDay）',
    ],
    [
      'a day twice',
      JSON.stringify({
        year: 2027,
        days: [
          { date: '2027-01-01', isOffDay: true },
          { date: '2027-01-01', isOffDay: false },
        ],
      }),
      '日期2027-01-01出现了不止一次',
    ],
  ])('says what is wrong with %s', (_what, text, message) => {
    const reading = readCalendarFile(text);
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.message).toContain(message);
  });
});
