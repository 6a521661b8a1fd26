import { Link } from 'react-router';

import type { InboxReply, InboxTask } from './inbox.types';
import { api } from '../api/client';
import { ErrorBox } from '../common/error-box';
import { PURPOSE_LABELS, REQUIREMENT_LABELS, STAGE_LABELS } from '../common/labels';
import { NumberLookup, Pager, useSearchFilters } from '../common/search-filters';
import { useLoad } from '../common/use-load';

const PAGE = 50;
/** The filters staff use most, kept in the address so a reload or a bookmark keeps them. */
const FILTERS = ['purpose', 'overdueOnly', 'claim', 'applicationNo'] as const;

/** 待办任务: the caller's open tasks, oldest due first, with due dates, overdue flags and who applied. */
export function InboxPage() {
  const list = useSearchFilters(FILTERS);
  const query = new URLSearchParams(list.filters);
  query.set('limit', String(PAGE));
  query.set('offset', String(list.offset));
  const inbox = useLoad(() => api<InboxReply>(`/tasks?${query.toString()}`), query.toString());

  return (
    <section>
      <h1>待办任务</h1>
      <div className="filters">
        <label>
          类型
          <select value={list.get('purpose')} onChange={(e) => list.set('purpose', e.target.value)}>
            <option value="">全部</option>
            <option value="DECISION">审批</option>
            <option value="DELIVERY">送达</option>
          </select>
        </label>
        <label>
          签收
          <select value={list.get('claim')} onChange={(e) => list.set('claim', e.target.value)}>
            <option value="">全部</option>
            <option value="MINE">我签收的</option>
            <option value="UNCLAIMED">未签收的</option>
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={list.get('overdueOnly') === 'true'}
            onChange={(e) => list.set('overdueOnly', e.target.checked ? 'true' : '')}
          />
          只看已逾期
        </label>
        <NumberLookup initial={list.get('applicationNo')} onFind={(number) => list.set('applicationNo', number)} />
        <button type="button" onClick={inbox.reload} disabled={inbox.loading}>
          刷新
        </button>
      </div>
      <ErrorBox error={inbox.error} />
      {inbox.data?.applicantsUnavailable && <p className="warning">{inbox.data.applicantsUnavailable}</p>}
      {inbox.data && (
        <>
          <p className="count">共 {inbox.data.total} 件待办</p>
          <table className="tasks">
            <thead>
              <tr>
                <th>申请编号</th>
                <th>申请人</th>
                <th>身份证号</th>
                <th>户人数</th>
                <th>环节</th>
                <th>办理期限</th>
                <th>总时限</th>
                <th>签收</th>
                <th>需提交</th>
              </tr>
            </thead>
            <tbody>
              {inbox.data.items.map((task) => (
                <TaskRow key={task.id} task={task} />
              ))}
            </tbody>
          </table>
          {inbox.data.items.length === 0 && <p className="empty">没有待办任务。</p>}
          <Pager offset={list.offset} size={PAGE} total={inbox.data.total} goTo={list.goTo} />
        </>
      )}
    </section>
  );
}

function TaskRow({ task }: { task: InboxTask }) {
  return (
    <tr className={task.overdue ? 'overdue' : undefined} data-task-id={task.id}>
      <td>
        <Link to={`/applications/${task.applicationId}`}>{task.applicationNo}</Link>
      </td>
      <td>{task.applicant?.name ?? '—'}</td>
      <td>{task.applicant?.idNumberMasked ?? '—'}</td>
      <td>{task.applicant?.householdSize ?? '—'}</td>
      <td>
        {STAGE_LABELS[task.stage]}
        {task.purpose === 'DELIVERY' && `（${PURPOSE_LABELS.DELIVERY}）`}
        {task.attempt > 1 && `（第${task.attempt}次）`}
      </td>
      <td>
        <DueDate day={task.dueDate} missingYear={task.calendarMissingYear} />
        {task.overdue && <span className="badge danger">已逾期</span>}
        {task.escalatedAt && <span className="badge">已督办</span>}
      </td>
      <td>
        <DueDate day={task.overallDueDate} missingYear={task.overallCalendarMissingYear} />
        {task.overallOverdue && <span className="badge danger">超总时限</span>}
      </td>
      <td>{task.claimedBy ?? '未签收'}</td>
      <td>{task.requirements.map((r) => REQUIREMENT_LABELS[r.kind]).join('、') || '—'}</td>
    </tr>
  );
}

/** A due day; when its year's holiday calendar is not loaded, that is said, never a guessed day. */
export function DueDate({ day, missingYear }: { day: string | null; missingYear: number | null }) {
  if (day) {
    return <span>{day}</span>;
  }
  if (missingYear) {
    return <span className="warning">未载入{missingYear}年节假日安排，期限待定</span>;
  }
  return <span>—</span>;
}
