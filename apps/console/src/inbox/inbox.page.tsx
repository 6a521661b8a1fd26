import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';

import type { InboxReply, InboxTask } from './inbox.types';
import { api } from '../api/client';
import { ErrorBox } from '../common/error-box';
import { PURPOSE_LABELS, REQUIREMENT_LABELS, STAGE_LABELS } from '../common/labels';
import { useLoad } from '../common/use-load';

const PAGE = 50;
/** The filters staff use most, kept in the address so a reload or a bookmark keeps them. */
const FILTERS = ['purpose', 'overdueOnly', 'claim', 'applicationNo'] as const;

/** 待办任务: the caller's open tasks, oldest due first, with due dates, overdue flags and who applied. */
export function InboxPage() {
  const [params, setParams] = useSearchParams();
  const offset = Number(params.get('offset') ?? 0) || 0;
  const query = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
  FILTERS.forEach((name) => params.get(name) && query.set(name, params.get(name)!));
  const inbox = useLoad(() => api<InboxReply>(`/tasks?${query.toString()}`), query.toString());

  // The number is looked up when entered (a part of one is no number); the other filters apply as they change.
  const [number, setNumber] = useState(params.get('applicationNo') ?? '');
  const findNumber = (event: FormEvent) => {
    event.preventDefault();
    setFilter('applicationNo', number.trim());
  };
  const setFilter = (name: (typeof FILTERS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(name, value);
    } else {
      next.delete(name);
    }
    next.delete('offset');
    setParams(next);
  };

  return (
    <section>
      <h1>待办任务</h1>
      <div className="filters">
        <label>
          类型
          <select value={params.get('purpose') ?? ''} onChange={(e) => setFilter('purpose', e.target.value)}>
            <option value="">全部</option>
            <option value="DECISION">审批</option>
            <option value="DELIVERY">送达</option>
          </select>
        </label>
        <label>
          签收
          <select value={params.get('claim') ?? ''} onChange={(e) => setFilter('claim', e.target.value)}>
            <option value="">全部</option>
            <option value="MINE">我签收的</option>
            <option value="UNCLAIMED">未签收的</option>
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={params.get('overdueOnly') === 'true'}
            onChange={(e) => setFilter('overdueOnly', e.target.checked ? 'true' : '')}
          />
          只看已逾期
        </label>
        <form onSubmit={findNumber} aria-label="按申请编号查找">
          <label>
            申请编号
            <input value={number} placeholder="SQ-220102-2026-000001" onChange={(e) => setNumber(e.target.value)} />
          </label>
          <button type="submit">查找</button>
        </form>
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
          <div className="pager">
            {offset > 0 && (
              <button type="button" onClick={() => setParams(withOffset(params, offset - PAGE))}>
                上一页
              </button>
            )}
            {offset + PAGE < inbox.data.total && (
              <button type="button" onClick={() => setParams(withOffset(params, offset + PAGE))}>
                下一页
              </button>
            )}
          </div>
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

function withOffset(params: URLSearchParams, offset: number): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set('offset', String(Math.max(0, offset)));
  return next;
}
