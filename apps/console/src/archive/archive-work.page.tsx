import { type FormEvent, useState } from 'react';

import {
  BORROW_STATUS_LABELS,
  BORROW_STATUSES,
  type BorrowReply,
  type BorrowStatus,
  type ListBorrowRequestsReply,
} from '@app/contracts/archive/borrowing.reply';
import type { FixitySweepReply, ListFixityChecksReply } from '@app/contracts/archive/fixity.reply';

import type { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { ErrorBox } from '../common/error-box';
import { Section, TextField } from '../common/field';
import { beijingMinute } from '../common/labels';
import { useSearchFilters } from '../common/search-filters';
import { useLoad } from '../common/use-load';

const PROPERTY_LABELS = { AUTHENTICITY: '真实性', INTEGRITY: '完整性', USABILITY: '可用性', SECURITY: '安全性' };
/** How many files a sweep started here checks at most (the scheduled sweep checks them all daily). */
const DEFAULT_SWEEP_LIMIT = '200';

/**
 * 档案管理 (archive:manage): requests to borrow (查借阅) the files of the archivist's division, approved for the
 * days asked or refused with a note; the four-property checks (四性检测, DA/T 70) that found problems, and a check
 * of the division's files started now.
 */
export function ArchiveWorkPage() {
  const filters = useSearchFilters(['status'] as const);
  const status = (filters.get('status') || 'PENDING') as BorrowStatus;
  const requests = useLoad(() => api<ListBorrowRequestsReply>(`/archive/borrow-requests?status=${status}`), status);
  const problems = useLoad(
    () => api<ListFixityChecksReply>('/archive/fixity-checks?problemsOnly=true&limit=50'),
    'fixity',
  );

  const [deciding, setDeciding] = useState<BorrowReply>();
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();
  const [limit, setLimit] = useState(DEFAULT_SWEEP_LIMIT);
  const [sweeping, setSweeping] = useState(false);

  const decide = (approve: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    if (!deciding) {
      return;
    }
    setError(undefined);
    // No key needed: the same decision sent again answers the request as decided, a contrary one is refused.
    api<BorrowReply>(`/archive/borrow-requests/${deciding.id}/decision`, {
      method: 'POST',
      body: { approve, ...(note.trim() ? { note: note.trim() } : {}) },
    }).then((decided) => {
      setNotice(
        decided.status === 'APPROVED'
          ? `已同意${decided.requestedBy}查借阅档案${decided.fileReferenceCode}，至${beijingMinute(new Date(decided.expiresAt!))}`
          : `已不同意${decided.requestedBy}查借阅档案${decided.fileReferenceCode}`,
      );
      setDeciding(undefined);
      requests.reload();
    }, setError);
  };
  const sweep = () => {
    setError(undefined);
    setNotice(undefined);
    setSweeping(true);
    const max = limit.trim();
    api<FixitySweepReply>('/archive/fixity-sweeps', {
      method: 'POST',
      body: max ? { limit: /^\d+$/.test(max) ? Number(max) : max } : {},
    })
      .then((done) => {
        setNotice(
          `四性检测完成：检测档案${done.filesChecked}卷、文件${done.itemsChecked}件，发现问题${done.filesWithProblems}卷`,
        );
        problems.reload();
      }, setError)
      .finally(() => setSweeping(false));
  };

  return (
    <section>
      <h1>档案管理</h1>
      {notice && (
        <p className="done" role="status">
          {notice}
        </p>
      )}
      <ErrorBox error={requests.error ?? problems.error ?? (deciding ? undefined : error)} />

      <h2>查借阅申请</h2>
      <div className="filters">
        <label>
          状态
          <select value={status} onChange={(e) => filters.set('status', e.target.value)}>
            {BORROW_STATUSES.map((value) => (
              <option key={value} value={value}>
                {BORROW_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {requests.data &&
        (requests.data.items.length === 0 ? (
          <p className="empty">没有{BORROW_STATUS_LABELS[status]}的查借阅申请。</p>
        ) : (
          <table className="borrowing">
            <thead>
              <tr>
                <th>档号</th>
                <th>申请人</th>
                <th>申请人区划</th>
                <th>目的</th>
                <th>天数</th>
                <th>申请时间</th>
                <th>处理</th>
              </tr>
            </thead>
            <tbody>
              {requests.data.items.map((request) => (
                <tr key={request.id} data-request={request.id}>
                  <td>{request.fileReferenceCode}</td>
                  <td>{request.requestedBy}</td>
                  <td>{request.requesterDivision}</td>
                  <td>{request.purpose}</td>
                  <td>{request.days}</td>
                  <td>{beijingMinute(new Date(request.createdAt))}</td>
                  <td>
                    {request.status === 'PENDING' ? (
                      <button
                        type="button"
                        className="link"
                        onClick={() => {
                          setError(undefined);
                          setNotice(undefined);
                          setNote('');
                          setDeciding(request);
                        }}
                      >
                        审批
                      </button>
                    ) : (
                      `${request.decidedBy ?? ''}${request.note ? `：${request.note}` : ''}${
                        request.expiresAt ? `（至${beijingMinute(new Date(request.expiresAt))}）` : ''
                      }`
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {deciding && (
        <form onSubmit={decide(true)} aria-label="审批查借阅">
          <Section
            title={`审批查借阅：${deciding.requestedBy}（${deciding.requesterDivision}）借阅${deciding.fileReferenceCode}，${deciding.days}天`}
          >
            <ErrorBox error={error} />
            <p>目的：{deciding.purpose}</p>
            <TextField label="审批意见（可空）" value={note} onChange={setNote} errors={error?.messagesOf('note')} />
            <button type="submit">同意</button>{' '}
            <button type="button" onClick={() => decide(false)()}>
              不同意
            </button>{' '}
            <button type="button" className="link" onClick={() => setDeciding(undefined)}>
              取消
            </button>
          </Section>
        </form>
      )}

      <h2>四性检测发现的问题</h2>
      <div className="filters">
        <label>
          本次最多检测（卷）
          <input inputMode="numeric" value={limit} onChange={(e) => setLimit(e.target.value)} />
        </label>
        <button type="button" disabled={sweeping} onClick={sweep}>
          {sweeping ? '检测中…' : '检测本辖区档案'}
        </button>
      </div>
      {problems.data &&
        (problems.data.items.length === 0 ? (
          <p className="empty">最近的检测没有发现问题。</p>
        ) : (
          <table className="fixity">
            <thead>
              <tr>
                <th>档号</th>
                <th>检测时间</th>
                <th>方式</th>
                <th>问题</th>
              </tr>
            </thead>
            <tbody>
              {problems.data.items.map((check) => (
                <tr key={check.id} data-check={check.id}>
                  <td>{check.referenceCode}</td>
                  <td>{beijingMinute(new Date(check.checkedAt))}</td>
                  <td>{check.trigger === 'SWEEP' ? '定期检测' : `${check.checkedBy}检测`}</td>
                  <td>
                    {check.problems.map((problem) => (
                      <div key={`${problem.code}:${problem.itemNo ?? ''}`}>
                        {PROPERTY_LABELS[problem.property]}
                        {problem.itemNo !== null ? `（第${problem.itemNo}件）` : ''}：{problem.message}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
