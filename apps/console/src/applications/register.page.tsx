import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';

import type { ApplicationStatus, ListApplicationsReply } from '@app/contracts/intake/application.reply';

import type { ApiError } from '../api/api-error';
import { api, download, saveFile } from '../api/client';
import { ErrorBox } from '../common/error-box';
import { APPLICATION_STATUS_LABELS, beijingDate, beijingMinute } from '../common/labels';
import { useLoad } from '../common/use-load';

const PAGE = 50;
const FILTERS = ['status', 'applicationNo', 'submittedFrom', 'submittedTo'] as const;
/** Why the register is read or exported (the access log keeps it for every application listed). */
const REGISTER_PURPOSE = '查阅申请台账';

/**
 * 申请台账: the applications of the caller's area, newest first, by status, number and submission days; the whole
 * selection as a spreadsheet. Every application listed is access-logged (SEARCH; the spreadsheet DOWNLOAD).
 */
export function RegisterPage() {
  const [params, setParams] = useSearchParams();
  const offset = Number(params.get('offset') ?? 0) || 0;
  const filters = new URLSearchParams();
  FILTERS.forEach((name) => params.get(name) && filters.set(name, params.get(name)!));
  const query = new URLSearchParams(filters);
  query.set('limit', String(PAGE));
  query.set('offset', String(offset));
  const register = useLoad(
    () => api<ListApplicationsReply>(`/applications?${query.toString()}`, { purpose: REGISTER_PURPOSE }),
    query.toString(),
  );
  const [exportError, setExportError] = useState<ApiError>();
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
  const exportAll = () => {
    setExportError(undefined);
    const csv = new URLSearchParams(filters);
    csv.set('format', 'csv');
    download(`/applications?${csv.toString()}`, REGISTER_PURPOSE).then(
      (blob) => saveFile(blob, `申请台账-${beijingDate(new Date())}.csv`),
      setExportError,
    );
  };

  return (
    <section>
      <h1>申请台账</h1>
      <div className="filters">
        <label>
          状态
          <select value={params.get('status') ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">全部</option>
            {(Object.entries(APPLICATION_STATUS_LABELS) as Array<[ApplicationStatus, string]>).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <form onSubmit={findNumber} aria-label="按申请编号查找">
          <label>
            申请编号
            <input value={number} placeholder="SQ-220102-2026-000001" onChange={(e) => setNumber(e.target.value)} />
          </label>
          <button type="submit">查找</button>
        </form>
        <label>
          提交日期自
          <input
            type="date"
            value={params.get('submittedFrom') ?? ''}
            onChange={(e) => setFilter('submittedFrom', e.target.value)}
          />
        </label>
        <label>
          至
          <input
            type="date"
            value={params.get('submittedTo') ?? ''}
            onChange={(e) => setFilter('submittedTo', e.target.value)}
          />
        </label>
        <button type="button" onClick={exportAll}>
          导出表格
        </button>
      </div>
      <ErrorBox error={register.error ?? exportError} />
      {register.data && (
        <>
          <p className="count">共 {register.data.total} 件</p>
          <table className="register">
            <thead>
              <tr>
                <th>申请编号</th>
                <th>申请人</th>
                <th>身份证号</th>
                <th>户人数</th>
                <th>所属社区</th>
                <th>状态</th>
                <th>提交时间</th>
              </tr>
            </thead>
            <tbody>
              {register.data.items.map((application) => (
                <tr key={application.id}>
                  <td>
                    <Link to={`/applications/${application.id}`}>{application.applicationNo}</Link>
                  </td>
                  <td>{application.applicantName}</td>
                  <td>{application.applicantIdNumberMasked}</td>
                  <td>{application.householdSize}</td>
                  <td>{application.divisionCode}</td>
                  <td>{APPLICATION_STATUS_LABELS[application.status]}</td>
                  <td>{application.submittedAt ? beijingMinute(new Date(application.submittedAt)) : '草稿'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            {offset > 0 && (
              <button type="button" onClick={() => setFilterOffset(params, setParams, offset - PAGE)}>
                上一页
              </button>
            )}
            {offset + PAGE < register.data.total && (
              <button type="button" onClick={() => setFilterOffset(params, setParams, offset + PAGE)}>
                下一页
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function setFilterOffset(params: URLSearchParams, setParams: (next: URLSearchParams) => void, offset: number): void {
  const next = new URLSearchParams(params);
  next.set('offset', String(Math.max(0, offset)));
  setParams(next);
}
