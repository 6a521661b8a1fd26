import type { MikroORM } from '@mikro-orm/postgresql';

import { THREE_LEVEL_POLICY } from '@app/contracts';

import { loadCalendarYear } from '../calendar/calendar.service';
import { CalendarYearRow } from '../calendar/holiday.entity';
import { officialCalendars } from '../calendar/official-calendars';
import { ApprovalPolicyRow } from '../policies/approval-policy.entity';

/**
 * Reference data every installation needs: the official holiday calendars shipped in calendar/data (years not
 * loaded yet), and the three-level approval policy for the province (22) from 2021-07-01 when none exists.
 */
export async function seedReferenceData(orm: MikroORM): Promise<string> {
  const em = orm.em.fork();
  const loaded = new Set((await em.find(CalendarYearRow, {})).map((row) => row.year));
  const added: number[] = [];
  for (const year of officialCalendars()) {
    if (!loaded.has(year.year)) {
      await loadCalendarYear(em, year, 'system');
      added.push(year.year);
    }
  }
  let policies = 0;
  if ((await em.count(ApprovalPolicyRow, { divisionCode: '22' })) === 0) {
    em.create(ApprovalPolicyRow, {
      divisionCode: '22',
      effectiveFrom: '2021-07-01',
      rules: THREE_LEVEL_POLICY,
      note: '默认三级审批流程：社区初审、街道审核、县级审核确认',
    });
    await em.flush();
    policies = 1;
  }
  return `holiday calendars added: ${added.join(', ') || 'none'}; approval policies added: ${policies}`;
}
