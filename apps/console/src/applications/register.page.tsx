import { useState } from 'react';
import { Link } from 'react-router';

import type { ApplicationStatus, ListApplicationsReply } from '@app/contracts/intake/application.reply';

import type { ApiError } from '../api/api-error';
import { api, download, saveFile } from '../api/client';
import { ErrorBox } from '../common/error-box';
import { APPLICATION_STATUS_LABELS, beijingDate, beijingMinute } from '../common/labels';
import { NumberLookup, Pager, useSearchFilters } from '../common/search-filters';
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
  const list = useSearchFilters(FILTERS);
  const query = new URLSearchParams(list.filters);
  query.set('limit', String(PAGE));
  query.set('offset', String(list.offset));
  const register = useLoad(
    () => api<ListApplicationsReply>(`/applications?${query.toString()}`, { purpose: REGISTER_PURPOSE }),
    query.toString(),
  );
  const [exportError, setExportError] = useState<ApiError>();
  const exportAll = () => {
    setExportError(undefined);
    const csv = new URLSearchParams(list.filters);
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
          <select value={list.get('status')} onChange={(e) => list.set('status', e.target.value)}>
            <option value="">全部</option>
            {(Object.entries(APPLICATION_STATUS_LABELS) as Array<[ApplicationStatus, string]>).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <NumberLookup initial={list.get('applicationNo')} onFind={(number) => list.set('applicationNo', number)} />
        <label>
          提交日期自
          <input
            type="date"
            value={list.get('submittedFrom')}
            onChange={(e) => list.set('submittedFrom', e.target.value)}
          />
        </label>
        <label>
          至
          <input
            type="date"
            value={list.get('submittedTo')}
            onChange={(e) => list.set('submittedTo', e.target.value)}
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
          <Pager offset={list.offset} size={PAGE} total={register.data.total} goTo={list.goTo} />
        </>
      )}
    </section>
  );
}
