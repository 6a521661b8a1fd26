import { type FormEvent, useState } from 'react';

import { PERMISSIONS, rolesAllow } from '@app/contracts/identity/permissions';
import { LINE_STATUS_LABELS, LINE_STATUSES, type LineStatus } from '@app/contracts/payment/line-status';
import {
  FAILURE_LABELS,
  type LineReply,
  type ListLinesReply,
  type PayrollStatementReply,
  type StartPayrollReply,
  type StatementTotals,
} from '@app/contracts/payment/payroll.reply';
import { formatYuan } from '@app/domain/money/fen';

import { actionsFor, type LineAction, reissueBody } from './line-commands';
import type { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { ErrorBox } from '../common/error-box';
import { Section, TextField } from '../common/field';
import { beijingDate } from '../common/labels';
import { useSearchFilters } from '../common/search-filters';
import { useCommand } from '../common/use-command';
import { useLoad } from '../common/use-load';
import { useSession } from '../session/use-session';

const PAGE_SIZE = 50;

/** One line of the statement: lines and yuan of each outcome. */
function TotalsRow({ label, totals, kind }: { label: string; totals: StatementTotals; kind: string }) {
  const cell = (lines: number, fen: number) => (lines === 0 ? '—' : `${lines}笔 ${formatYuan(fen)}元`);
  return (
    <tr data-row={kind}>
      <td>{label}</td>
      <td>{cell(totals.lines, totals.expectedFen)}</td>
      <td>{cell(totals.paidLines, totals.paidFen)}</td>
      <td className={totals.failedLines > 0 ? 'danger' : undefined}>{cell(totals.failedLines, totals.failedFen)}</td>
      <td>{cell(totals.pendingLines, totals.pendingFen)}</td>
      <td>{cell(totals.heldLines, totals.heldFen)}</td>
      <td>{cell(totals.cancelledLines, totals.cancelledFen)}</td>
    </tr>
  );
}

/**
 * 资金发放 (payment:read): a month's payroll statement — what is owed, paid, failed, waiting for the bank, held and
 * cancelled, in total, per bank and per county, and whether it balances — and its lines by status, the failed ones
 * with the bank's reason. With payment:manage (county finance): the month's payroll started, a failed or held
 * line paid again (to a corrected account, or the benefit's as it is now), a held one cancelled as not owed.
 */
export function PayrollPage() {
  const session = useSession();
  const manages = !!session && rolesAllow(session.account.roles, PERMISSIONS.paymentManage);
  const search = useSearchFilters(['month', 'status'] as const);
  const month = search.get('month') || beijingDate(new Date()).slice(0, 7);
  const status = (search.get('status') || 'FAILED') as LineStatus;
  const [after, setAfter] = useState<number[]>([]);
  const from = after.at(-1) ?? 0;

  const statement = useLoad(() => api<PayrollStatementReply>(`/payroll/${month}/statement`), month);
  const lines = useLoad(
    () => api<ListLinesReply>(`/payment-lines?month=${month}&status=${status}&limit=${PAGE_SIZE}&after=${from}`),
    `${month}:${status}:${from}`,
  );

  const [notice, setNotice] = useState<string>();
  const [runError, setRunError] = useState<ApiError>();
  const [acting, setActing] = useState<{ line: LineReply; action: LineAction }>();
  const [draft, setDraft] = useState({ accountNo: '', bankCode: '', reason: '' });
  const command = useCommand();
  const { busy, error, errorsOf } = command;
  const edit = (change: Partial<typeof draft>) => {
    command.changed();
    setDraft((current) => ({ ...current, ...change }));
  };

  const reload = () => {
    statement.reload();
    lines.reload();
  };
  const run = () => {
    setNotice(undefined);
    setRunError(undefined);
    // Starting a month twice starts nothing more: the month's workflow answers `started: false`.
    api<StartPayrollReply>(`/payroll/${month}/run`, { method: 'POST' }).then((reply) => {
      setNotice(
        reply.started
          ? `已开始${month}的发放：生成发放明细、分批交银行，银行回盘后在此查看结果`
          : `${month}的发放已在进行或已完成`,
      );
      reload();
    }, setRunError);
  };
  const open = (line: LineReply, action: LineAction) => {
    command.reset();
    setNotice(undefined);
    setDraft({ accountNo: '', bankCode: '', reason: '' });
    setActing({ line, action });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!acting) {
      return;
    }
    const { line, action } = acting;
    void command
      .send<LineReply>(`/payment-lines/${line.id}/${action === 'REISSUE' ? 'reissue' : 'cancel'}`, {
        method: 'POST',
        body: action === 'REISSUE' ? reissueBody(draft) : { reason: draft.reason.trim() },
      })
      .then((changed) => {
        if (!changed) {
          return;
        }
        setActing(undefined);
        setNotice(
          action === 'REISSUE'
            ? `${changed.accountName}（${changed.month.slice(0, 7)}，${formatYuan(changed.amountFen)}元）已重新发放至账号${changed.accountNo}（第${changed.attempt}次），随下一批交银行`
            : `${changed.accountName}（${changed.month.slice(0, 7)}，${formatYuan(changed.amountFen)}元）已不予发放`,
        );
        reload();
      });
  };
  const data = statement.data;

  return (
    <section>
      <h1>资金发放</h1>
      <div className="filters">
        <label>
          发放月份
          <input
            type="month"
            value={month}
            onChange={(e) => {
              setAfter([]);
              search.set('month', e.target.value);
            }}
          />
        </label>
        <label>
          明细状态
          <select
            value={status}
            onChange={(e) => {
              setAfter([]);
              search.set('status', e.target.value);
            }}
          >
            {LINE_STATUSES.map((value) => (
              <option key={value} value={value}>
                {LINE_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={reload}>
          刷新
        </button>
        {manages && (
          <button type="button" onClick={run}>
            开始{month}发放
          </button>
        )}
      </div>
      {notice && (
        <p className="done" role="status">
          {notice}
        </p>
      )}
      <ErrorBox error={statement.error ?? lines.error ?? runError} />
      {data && (
        <>
          <h2>
            {month}发放对账
            <span className={data.balanced ? 'badge' : 'badge danger'}>{data.balanced ? '已平衡' : '不平衡'}</span>
          </h2>
          {data.totals.lines === 0 ? (
            <p className="empty">本月尚无发放明细。</p>
          ) : (
            <table className="statement">
              <thead>
                <tr>
                  <th />
                  <th>应发</th>
                  <th>已发放</th>
                  <th>发放失败</th>
                  <th>待银行回盘</th>
                  <th>暂缓发放</th>
                  <th>不予发放</th>
                </tr>
              </thead>
              <tbody>
                <TotalsRow label="合计" totals={data.totals} kind="total" />
                {data.byBank.map((bank) => (
                  <TotalsRow key={bank.bankCode} label={`银行 ${bank.bankCode}`} totals={bank} kind="bank" />
                ))}
                {data.byDivision.map((county) => (
                  <TotalsRow
                    key={county.divisionCode}
                    label={`区县 ${county.divisionCode}`}
                    totals={county}
                    kind="division"
                  />
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <h2>
        {LINE_STATUS_LABELS[status]}明细{from > 0 ? '（续）' : ''}
      </h2>
      {lines.data &&
        (lines.data.items.length === 0 ? (
          <p className="empty">没有{LINE_STATUS_LABELS[status]}的明细。</p>
        ) : (
          <table className="lines">
            <thead>
              <tr>
                <th>户主</th>
                <th>区划</th>
                <th>银行</th>
                <th>账号</th>
                <th>金额（元）</th>
                <th>状态</th>
                <th>银行反馈</th>
                <th>发放次数</th>
                {manages && <th />}
              </tr>
            </thead>
            <tbody>
              {lines.data.items.map((line) => (
                <tr key={line.id} data-line={line.id}>
                  <td>{line.accountName}</td>
                  <td>{line.divisionCode}</td>
                  <td>{line.bankCode}</td>
                  <td>{line.accountNo}</td>
                  <td>{formatYuan(line.amountFen)}</td>
                  <td>{LINE_STATUS_LABELS[line.status]}</td>
                  <td>
                    {line.failureCode ? FAILURE_LABELS[line.failureCode] : ''}
                    {line.failureReason ? `：${line.failureReason}` : ''}
                  </td>
                  <td>{line.attempt}</td>
                  {manages && (
                    <td>
                      {actionsFor(line).map((action) => (
                        <button key={action} type="button" className="link" onClick={() => open(line, action)}>
                          {action === 'REISSUE' ? '重新发放' : '不予发放'}
                        </button>
                      ))}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <div className="pager">
        {after.length > 0 && (
          <button type="button" onClick={() => setAfter(after.slice(0, -1))}>
            上一页
          </button>
        )}
        {lines.data?.items.length === PAGE_SIZE && (
          <button type="button" onClick={() => setAfter([...after, lines.data!.items.at(-1)!.id])}>
            下一页
          </button>
        )}
      </div>
      {acting && (
        <form onSubmit={submit} aria-label={acting.action === 'REISSUE' ? '重新发放' : '不予发放'}>
          <Section
            title={`${acting.action === 'REISSUE' ? '重新发放' : '不予发放'}：${acting.line.accountName}，${acting.line.month.slice(0, 7)}，${formatYuan(acting.line.amountFen)}元`}
          >
            <ErrorBox error={error} />
            {acting.action === 'REISSUE' && (
              <div className="row">
                <TextField
                  label="收款账号（空：按该户当前收款账户）"
                  kind="count"
                  value={draft.accountNo}
                  onChange={(accountNo) => edit({ accountNo })}
                  errors={errorsOf('accountNo')}
                />
                <TextField
                  label="银行代码（空：不变）"
                  value={draft.bankCode}
                  onChange={(bankCode) => edit({ bankCode })}
                  errors={errorsOf('bankCode')}
                />
              </div>
            )}
            <TextField
              label={acting.action === 'REISSUE' ? '重新发放的原因' : '不予发放的原因'}
              value={draft.reason}
              onChange={(reason) => edit({ reason })}
              errors={errorsOf('reason')}
            />
            <button type="submit" disabled={busy}>
              确定
            </button>{' '}
            <button type="button" className="link" onClick={() => setActing(undefined)}>
              取消
            </button>
          </Section>
        </form>
      )}
    </section>
  );
}
