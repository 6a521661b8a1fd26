import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import {
  type DecisionStage,
  ErrorCode,
  PERMISSIONS,
  type TaskCounts,
  type TaskStatisticsReply,
  type TaskStatisticsRequest,
} from '@app/contracts';
import { addCalendarDays, beijingDate, beijingDayStart } from '@app/domain';
import { areaOf, assertPermission, DomainError, requireCaller } from '@app/platform';

/** The longest period asked at once: a year (366 days). */
const MAX_PERIOD_DAYS = 366;

/** The code length of the divisions one level below an area: a county's streets, a street's communities. */
function partLength(area: string): number {
  const next: Record<number, number> = { 0: 2, 2: 4, 4: 6, 6: 9, 9: 12, 12: 12 };
  return next[area.length] ?? 12;
}

interface PartRow {
  part: string;
  open: number;
  overdue: number;
  overall_overdue: number;
  escalated: number;
  decided: number;
  decided_late: number;
}

/**
 * Supervision figures of the inbox tables (督办统计): open and late tasks now, decisions of a period, per division
 * one level down. Four aggregate statements over `approval.task`, the area a division-code prefix.
 */
@Injectable()
export class TaskStatisticsService {
  constructor(private readonly em: EntityManager) {}

  async statistics(request: TaskStatisticsRequest): Promise<TaskStatisticsReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.applicationRead);
    const area = areaOf(caller, request.divisionCode);
    const asOf = beijingDate(new Date());
    const to = request.to ?? asOf;
    const from = request.from ?? addCalendarDays(to, -29);
    if (from > to) {
      throw periodError('from after to', '开始日期不能晚于结束日期');
    }
    if (addCalendarDays(from, MAX_PERIOD_DAYS) <= to) {
      throw periodError('period longer than a year', `统计期间最长${MAX_PERIOD_DAYS}天`);
    }
    const start = beijingDayStart(from);
    const end = beijingDayStart(to, 1);
    const like = `${area}%`;
    const inPeriod = `status = 'DONE' and decided_at >= ? and decided_at < ?`;
    const connection = this.em.getConnection();
    const [parts, stages, outcomes, days] = await Promise.all([
      connection.execute<PartRow[]>(
        `select substr(division_code, 1, ?) as part,
                count(*) filter (where status = 'OPEN')::int as open,
                count(*) filter (where status = 'OPEN' and due_date < ?::date)::int as overdue,
                count(*) filter (where status = 'OPEN' and overall_due_date < ?::date)::int as overall_overdue,
                count(*) filter (where status = 'OPEN' and escalated_at is not null)::int as escalated,
                count(*) filter (where ${inPeriod})::int as decided,
                count(*) filter (where ${inPeriod}
                                   and due_date < (decided_at at time zone 'Asia/Shanghai')::date)::int as decided_late
           from approval.task
          where division_code like ? and (status = 'OPEN' or (${inPeriod}))
          group by 1 order by 1`,
        [partLength(area), asOf, asOf, start, end, start, end, like, start, end],
      ),
      connection.execute<Array<{ stage: DecisionStage | 'DELIVERY'; n: number }>>(
        `select case when purpose = 'DELIVERY' then 'DELIVERY' else stage end as stage, count(*)::int as n
           from approval.task where division_code like ? and status = 'OPEN' group by 1`,
        [like],
      ),
      connection.execute<Array<{ outcome: string; n: number }>>(
        `select outcome, count(*)::int as n from approval.task
          where division_code like ? and ${inPeriod} group by 1`,
        [like, start, end],
      ),
      connection.execute<Array<{ p50: number | null; p90: number | null }>>(
        `select round((percentile_cont(0.5) within group (order by days))::numeric, 1)::float8 as p50,
                round((percentile_cont(0.9) within group (order by days))::numeric, 1)::float8 as p90
           from (select extract(epoch from decided_at - opened_at) / 86400 as days
                   from approval.task where division_code like ? and ${inPeriod}) decided`,
        [like, start, end],
      ),
    ]);
    const counts = (row: PartRow): TaskCounts => ({
      open: row.open,
      overdue: row.overdue,
      overallOverdue: row.overall_overdue,
      escalated: row.escalated,
      decided: row.decided,
      decidedLate: row.decided_late,
    });
    const lines = parts.map((row) => ({ divisionCode: row.part, ...counts(row) }));
    const sum = (key: keyof TaskCounts) => lines.reduce((total, line) => total + line[key], 0);
    return {
      divisionCode: area,
      from,
      to,
      asOf,
      total: {
        open: sum('open'),
        overdue: sum('overdue'),
        overallOverdue: sum('overallOverdue'),
        escalated: sum('escalated'),
        decided: sum('decided'),
        decidedLate: sum('decidedLate'),
        openByStage: Object.fromEntries(stages.map((row) => [row.stage, row.n])),
        decidedByOutcome: Object.fromEntries(outcomes.map((row) => [row.outcome, row.n])),
        decisionDays: { p50: days[0]?.p50 ?? null, p90: days[0]?.p90 ?? null },
      },
      parts: lines,
    };
  }
}

function periodError(reason: string, message: string): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, reason, message, [{ field: 'from', messages: [message] }]);
}
