import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';

import { PERMISSIONS, rolesAllow } from '@app/contracts/identity/permissions';
import {
  type ListReviewsDueReply,
  REVIEW_FINDING_LABELS,
  type ReviewDueItem,
} from '@app/contracts/payment/enrolment-review.reply';
import { addCalendarDays } from '@app/domain/calendar/working-days';

import { emptyReview, reviewBody, type ReviewDraft } from './review-body';
import { api } from '../api/client';
import { ErrorBox } from '../common/error-box';
import { CodeSelect, Field, Section, TextField } from '../common/field';
import { beijingDate } from '../common/labels';
import { Pager, useSearchFilters } from '../common/search-filters';
import { useCommand } from '../common/use-command';
import { useLoad } from '../common/use-load';
import type { DOSSIER_PURPOSES } from '../households/dossier.types';
import { useSession } from '../session/use-session';

const PAGE = 50;
/** Why the list is read, for the access log. */
const PURPOSE = '办理定期核查';
/** Why a household's dossier is opened from the list (one of the dossier's purposes). */
const REVIEW_PURPOSE: (typeof DOSSIER_PURPOSES)[number] = '定期核查';
/** The list opens on what falls due within this many days. */
const DEFAULT_HORIZON_DAYS = 30;

/**
 * 定期核查 (payment:read): the enrolled households of the caller's area whose periodic review falls due by a day,
 * soonest first, with why one is due sooner than its cycle (a change in the household); ID numbers masked. With
 * enrolment:change (the county): a review recorded — filed into the household file as 定期核查记录 — and the next
 * one then due. A change of the benefit the review calls for is made as a change, not here.
 */
export function ReviewsPage() {
  const session = useSession();
  const records = !!session && rolesAllow(session.account.roles, PERMISSIONS.enrolmentChange);
  const today = beijingDate(new Date());
  const list = useSearchFilters(['dueBy'] as const);
  const dueBy = list.get('dueBy') || addCalendarDays(today, DEFAULT_HORIZON_DAYS);
  const due = useLoad(
    () =>
      api<ListReviewsDueReply>(`/enrolments?reviewDueBy=${dueBy}&limit=${PAGE}&offset=${list.offset}`, {
        purpose: PURPOSE,
      }),
    `${dueBy}:${list.offset}`,
  );

  const [reviewing, setReviewing] = useState<ReviewDueItem>();
  const [draft, setDraft] = useState<ReviewDraft>(() => emptyReview(today));
  const [notice, setNotice] = useState<string>();
  const command = useCommand();
  const { busy, error, errorsOf } = command;
  const set = <K extends keyof ReviewDraft>(name: K, value: ReviewDraft[K]) => {
    command.changed();
    setDraft((current) => ({ ...current, [name]: value }));
  };

  const open = (item: ReviewDueItem) => {
    command.reset();
    setNotice(undefined);
    setDraft(emptyReview(today));
    setReviewing(item);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reviewing) {
      return;
    }
    void command
      .send<{ nextReviewOn: string | null }>(`/enrolments/${reviewing.enrolmentId}/reviews`, {
        method: 'POST',
        body: reviewBody(draft),
      })
      .then((enrolment) => {
        if (!enrolment) {
          return;
        }
        setNotice(
          `已记录${reviewing.headName}户的定期核查（${REVIEW_FINDING_LABELS[draft.finding]}），核查记录已归入家庭档案` +
            (enrolment.nextReviewOn ? `；下次核查：${enrolment.nextReviewOn}` : '') +
            (draft.finding === 'CHANGE_NEEDED' ? '。待遇变更请另行办理' : ''),
        );
        setReviewing(undefined);
        due.reload();
      });
  };

  return (
    <section>
      <h1>定期核查</h1>
      <div className="filters">
        <label>
          应核查日期不晚于
          <input type="date" value={dueBy} onChange={(e) => list.set('dueBy', e.target.value)} />
        </label>
      </div>
      {notice && (
        <p className="done" role="status">
          {notice}
        </p>
      )}
      <ErrorBox error={due.error} />
      {due.data &&
        (due.data.items.length === 0 ? (
          <p className="empty">{dueBy}前没有到期的定期核查。</p>
        ) : (
          <>
            <p>共{due.data.total}户，按应核查日期排序。</p>
            <table className="reviews">
              <thead>
                <tr>
                  <th>户主</th>
                  <th>身份证号</th>
                  <th>区划</th>
                  <th>待遇</th>
                  <th>核查周期</th>
                  <th>上次核查</th>
                  <th>应核查日期</th>
                  {records && <th />}
                </tr>
              </thead>
              <tbody>
                {due.data.items.map((item) => (
                  <tr
                    key={item.enrolmentId}
                    data-enrolment={item.enrolmentId}
                    className={item.nextReviewOn < today ? 'overdue' : undefined}
                  >
                    <td>
                      <Link to={`/households/${item.householdId}?purpose=${encodeURIComponent(REVIEW_PURPOSE)}`}>
                        {item.headName}
                      </Link>
                    </td>
                    <td>{item.headIdNumberMasked}</td>
                    <td>{item.divisionCode}</td>
                    <td>{item.status === 'ACTIVE' ? '享受中' : '暂停发放'}</td>
                    <td>{item.reviewIntervalMonths}个月</td>
                    <td>{item.lastReviewedOn ?? '—'}</td>
                    <td>
                      {item.nextReviewOn}
                      {item.nextReviewOn < today && <span className="badge danger">已逾期</span>}
                      {item.nextReviewReason && <div>提前核查：{item.nextReviewReason}</div>}
                    </td>
                    {records && (
                      <td>
                        <button type="button" className="link" onClick={() => open(item)}>
                          记录核查
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager offset={list.offset} size={PAGE} total={due.data.total} goTo={list.goTo} />
          </>
        ))}
      {reviewing && (
        <form onSubmit={submit} aria-label="记录定期核查">
          <Section title={`记录定期核查：${reviewing.headName}户（${reviewing.headIdNumberMasked}）`}>
            <ErrorBox error={error} />
            <div className="row">
              <TextField
                label="核查日期"
                kind="date"
                value={draft.reviewedOn}
                onChange={(value) => set('reviewedOn', value)}
                errors={errorsOf('reviewedOn')}
              />
              <CodeSelect
                label="核查结论"
                labels={REVIEW_FINDING_LABELS}
                value={draft.finding}
                onChange={(finding) => set('finding', finding)}
                errors={errorsOf('finding')}
              />
              <Field label="今后核查周期" errors={errorsOf('intervalMonths')}>
                <select
                  value={draft.intervalMonths}
                  onChange={(e) => set('intervalMonths', e.target.value as ReviewDraft['intervalMonths'])}
                >
                  <option value="">不变（{reviewing.reviewIntervalMonths}个月）</option>
                  <option value="6">6个月</option>
                  <option value="12">12个月</option>
                </select>
              </Field>
            </div>
            <TextField
              label="核查情况（收入、人口、财产、生活状况）"
              kind="text"
              value={draft.summary}
              onChange={(value) => set('summary', value)}
              errors={errorsOf('summary')}
            />
            <button type="submit" disabled={busy}>
              记录并归档
            </button>{' '}
            <button type="button" className="link" onClick={() => setReviewing(undefined)}>
              取消
            </button>
          </Section>
        </form>
      )}
    </section>
  );
}
