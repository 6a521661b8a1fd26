/** One day of a year's official arrangement: a holiday on a weekday (isOffDay) or a make-up working day. */
export interface CalendarDay {
  date: string;
  isOffDay: boolean;
  name?: string;
}

/** A year's arrangement as the State Council publishes it, in the holiday-cn format (../shared/data/holidays-cn). */
export interface CalendarFile {
  year: number;
  days: CalendarDay[];
  papers?: string[];
}

export type CalendarFileReading = { ok: true; file: CalendarFile } | { ok: false; message: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) {
    return false;
  }
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Reads a calendar file before it is sent, so an administrator hears at once that they chose the wrong file (not a
 * calendar, another year, a day that does not exist); the approval service checks every field again.
 */
export function readCalendarFile(text: string): CalendarFileReading {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: '文件不是有效的JSON，请选择节假日安排文件（如 2027.json）' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, message: '文件内容应为一个对象，包含 year 和 days' };
  }
  const { year, days, papers } = parsed as Record<string, unknown>;
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    return { ok: false, message: '文件中缺少年份（year）' };
  }
  if (!Array.isArray(days) || days.length === 0) {
    return { ok: false, message: '文件中没有节假日安排（days）' };
  }
  const read: CalendarDay[] = [];
  for (const [index, day] of (days as unknown[]).entries()) {
    const { date, isOffDay, name } = (day ?? {}) as Record<string, unknown>;
    const which = `第${index + 1}条安排`;
    if (typeof date !== 'string' || !isDate(date)) {
      return { ok: false, message: `${which}的日期（date）应为存在的日期，格式YYYY-MM-DD` };
    }
    if (!date.startsWith(`${year}-`)) {
      return { ok: false, message: `${which}的日期${date}不属于${year}年` };
    }
    if (typeof isOffDay !== 'boolean') {
      return { ok: false, message: `${which}（${date}）缺少是否放假（isOffDay）` };
    }
    if (name !== undefined && typeof name !== 'string') {
      return { ok: false, message: `${which}（${date}）的名称（name）应为文字` };
    }
    read.push({ date, isOffDay, ...(name ? { name } : {}) });
  }
  const dates = new Set(read.map((day) => day.date));
  if (dates.size !== read.length) {
    const repeated = read.find((day, i) => read.findIndex((other) => other.date === day.date) !== i)!;
    return { ok: false, message: `日期${repeated.date}出现了不止一次` };
  }
  const sources = Array.isArray(papers) ? papers.filter((paper): paper is string => typeof paper === 'string') : [];
  return { ok: true, file: { year, days: read, ...(sources.length > 0 ? { papers: sources } : {}) } };
}

/** The holidays of a year by name (元旦, 春节 …), each with its days off and its make-up working days, in order. */
export function holidaysOf(file: CalendarFile): Array<{ name: string; off: string[]; workdays: string[] }> {
  const byName = new Map<string, { name: string; off: string[]; workdays: string[] }>();
  for (const day of [...file.days].sort((a, b) => a.date.localeCompare(b.date))) {
    const name = day.name ?? '（未命名）';
    const holiday = byName.get(name) ?? byName.set(name, { name, off: [], workdays: [] }).get(name)!;
    (day.isOffDay ? holiday.off : holiday.workdays).push(day.date);
  }
  return [...byName.values()];
}
