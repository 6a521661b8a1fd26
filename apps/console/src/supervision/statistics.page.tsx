import type { TaskCounts, TaskStatisticsReply } from '@app/contracts/approval/task-statistics';

import { api } from '../api/client';
import { ErrorBox } from '../common/error-box';
import { DECISION_LABELS, STAGE_LABELS } from '../common/labels';
import { useSearchFilters } from '../common/search-filters';
import { useLoad } from '../common/use-load';

/**
 * 督办统计: the caller's area now (tasks open, overdue, past the overall limit, escalated) and over a period (decided,
 * decided late, days taken), with a line per division one level down — which street or community is behind.
 */
export function StatisticsPage() {
  const period = useSearchFilters(['from', 'to'] as const);
  const query = period.filters.toString();
  const figures = useLoad(() => api<TaskStatisticsReply>(`/tasks/statistics${query ? `?${query}` : ''}`), query);
  const data = figures.data;
  return (
    <section>
      <h1>督办统计</h1>
      <div className="filters">
        <label>
          办结期间自
          <input
            type="date"
            value={period.get('from') || (data?.from ?? '')}
            onChange={(e) => period.set('from', e.target.value)}
          />
        </label>
        <label>
          至
          <input
            type="date"
            value={period.get('to') || (data?.to ?? '')}
            onChange={(e) => period.set('to', e.target.value)}
          />
        </label>
      </div>
      <ErrorBox error={figures.error} />
      {data && (
        <>
          <p>
            {data.divisionCode} 截至 {data.asOf}；在办按环节：
            {Object.entries(data.total.openByStage)
              .map(
                ([stage, count]) =>
                  `${stage === 'DELIVERY' ? '送达' : STAGE_LABELS[stage as keyof typeof STAGE_LABELS]} ${count}`,
              )
              .join('，') || '无'}
            ；期间办结：
            {Object.entries(data.total.decidedByOutcome)
              .map(
                ([outcome, count]) => `${DECISION_LABELS[outcome as keyof typeof DECISION_LABELS] ?? outcome} ${count}`,
              )
              .join('，') || '无'}
            ；办理用时（自然日）中位数 {data.total.decisionDays.p50 ?? '—'}，90%在 {data.total.decisionDays.p90 ?? '—'}{' '}
            日内
          </p>
          <table className="statistics">
            <thead>
              <tr>
                <th>区划</th>
                <th>在办</th>
                <th>逾期</th>
                <th>超总时限</th>
                <th>已督办</th>
                <th>期间办结</th>
                <th>逾期办结</th>
              </tr>
            </thead>
            <tbody>
              <Counts label={`合计（${data.divisionCode}）`} counts={data.total} total />
              {data.parts.map((part) => (
                <Counts key={part.divisionCode} label={part.divisionCode} counts={part} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function Counts({ label, counts, total = false }: { label: string; counts: TaskCounts; total?: boolean }) {
  return (
    <tr className={total ? 'total' : undefined} data-division={total ? 'total' : label}>
      <td>{label}</td>
      <td>{counts.open}</td>
      <td className={counts.overdue > 0 ? 'danger' : undefined}>{counts.overdue}</td>
      <td className={counts.overallOverdue > 0 ? 'danger' : undefined}>{counts.overallOverdue}</td>
      <td>{counts.escalated}</td>
      <td>{counts.decided}</td>
      <td>{counts.decidedLate}</td>
    </tr>
  );
}
