import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CalendarYear } from '@app/domain';

/** The official arrangements shipped in calendar/data (read from the sources also when running compiled code). */
export function officialCalendars(): Array<CalendarYear & { papers?: string[] }> {
  const candidates = [join(__dirname, 'data'), join(__dirname, '../../../../../apps/approval/src/calendar/data')];
  const folder = candidates.find((dir) => existsSync(dir));
  if (!folder) {
    throw new Error(`calendar data not found in ${candidates.join(' or ')}`);
  }
  return readdirSync(folder)
    .filter((name) => /^\d{4}\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as CalendarYear & { papers?: string[] });
}
