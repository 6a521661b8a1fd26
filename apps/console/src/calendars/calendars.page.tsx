import { type ChangeEvent, useState } from 'react';

import type { CalendarReply } from '@app/contracts/approval/calendar.reply';
import { PERMISSIONS, rolesAllow } from '@app/contracts/identity/permissions';

import { type CalendarFile, holidaysOf, readCalendarFile } from './calendar-file';
import type { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { ErrorBox } from '../common/error-box';
import { Section } from '../common/field';
import { beijingDate, beijingMinute } from '../common/labels';
import { useLoad } from '../common/use-load';
import { useSession } from '../session/use-session';

/** From this month on, next year's arrangement is due (the State Council publishes it in the autumn). */
const NEXT_YEAR_DUE_FROM_MONTH = 10;

/**
 * 节假日日历: the years whose official arrangement is loaded (a working-day limit falling in another year is not
 * computed, and its task says so), the years open tasks wait for, and — for an administrator (calendar:manage) —
 * loading a year from the published file, checked and shown before it is sent.
 */
export function CalendarsPage() {
  const session = useSession();
  const manages = !!session && rolesAllow(session.account.roles, PERMISSIONS.calendarManage);
  const calendars = useLoad(() => api<CalendarReply>('/calendars'), 'calendars');
  const [chosen, setChosen] = useState<{ name: string; file?: CalendarFile; problem?: string }>();
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();
  const [sending, setSending] = useState(false);

  const today = beijingDate(new Date());
  const thisYear = Number(today.slice(0, 4));
  const loaded = new Set(calendars.data?.years.map((entry) => entry.year));

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    setError(undefined);
    setNotice(undefined);
    if (!picked) {
      setChosen(undefined);
      return;
    }
    void picked.text().then((text) => {
      const reading = readCalendarFile(text);
      setChosen(
        reading.ok ? { name: picked.name, file: reading.file } : { name: picked.name, problem: reading.message },
      );
    });
  };
  const load = (file: CalendarFile) => {
    setError(undefined);
    setNotice(undefined);
    setSending(true);
    const waitedFor = calendars.data?.waiting.find((entry) => entry.year === file.year)?.openTasks ?? 0;
    api<CalendarReply>(`/calendars/${file.year}`, {
      method: 'PUT',
      body: { days: file.days, ...(file.papers ? { papers: file.papers } : {}) },
    })
      .then(() => {
        setNotice(
          `已载入${file.year}年节假日安排（${file.days.length}天）` +
            (waitedFor > 0 ? `；等待该年日历的${waitedFor}件待办将由审批流程重新计算期限` : ''),
        );
        setChosen(undefined);
        calendars.reload();
      }, setError)
      .finally(() => setSending(false));
  };

  const data = calendars.data;
  const missing = data ? [thisYear, thisYear + 1].filter((year) => !loaded.has(year)) : [];
  const month = Number(today.slice(5, 7));
  return (
    <section>
      <h1>节假日日历</h1>
      <p>
        审批各环节的期限按工作日计算，以国务院办公厅公布的当年节假日安排为准（法定节假日、调休上班日）；未载入安排的年份不计算期限，相关待办显示“待载入日历”。
      </p>
      {notice && (
        <p className="done" role="status">
          {notice}
        </p>
      )}
      <ErrorBox error={calendars.error ?? error} />
      {data && (
        <>
          {missing.includes(thisYear) && (
            <p className="error" role="alert">
              尚未载入{thisYear}年节假日安排：本年的审批期限均无法计算，请尽快载入。
            </p>
          )}
          {missing.includes(thisYear + 1) && month >= NEXT_YEAR_DUE_FROM_MONTH && (
            <p className="warning" role="alert">
              尚未载入{thisYear + 1}年节假日安排：期限落在{thisYear + 1}
              年的待办将无法计算期限。国务院办公厅公布后请及时载入。
            </p>
          )}
          <h2>已载入的年份</h2>
          <table className="calendars">
            <thead>
              <tr>
                <th>年份</th>
                <th>安排天数</th>
                <th>载入时间</th>
              </tr>
            </thead>
            <tbody>
              {data.years.map((entry) => (
                <tr key={entry.year} data-year={entry.year}>
                  <td>{entry.year}</td>
                  <td>{entry.days}</td>
                  <td>{beijingMinute(new Date(entry.loadedAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>等待日历的待办</h2>
          {data.waiting.length === 0 ? (
            <p className="empty">没有等待载入日历的待办。</p>
          ) : (
            <table className="waiting">
              <thead>
                <tr>
                  <th>年份</th>
                  <th>待办件数</th>
                  <th>状态</th>
                </tr>
              </thead>
              <tbody>
                {data.waiting.map((entry) => (
                  <tr key={entry.year} data-year={entry.year}>
                    <td>{entry.year}</td>
                    <td>{entry.openTasks}</td>
                    <td>{loaded.has(entry.year) ? '已载入，审批流程正在重新计算期限' : '待载入日历'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {manages && (
        <Section title="载入一年的节假日安排">
          <p>
            选择该年的安排文件（JSON，每天一条：date 日期、isOffDay 是否放假、name 节日名称；格式同
            holiday-cn）。载入后替换该年已有的安排，等待该年日历的审批流程随即重新计算期限。
          </p>
          <label className="field">
            <span>安排文件</span>
            <input type="file" accept=".json,application/json" onChange={choose} />
          </label>
          {chosen?.problem && (
            <p className="error" role="alert">
              {chosen.name}：{chosen.problem}
            </p>
          )}
          {chosen?.file && (
            <>
              <p>
                {chosen.name}：{chosen.file.year}年，共{chosen.file.days.length}天
                {loaded.has(chosen.file.year) && (
                  <strong className="badge danger">将替换已载入的{chosen.file.year}年安排</strong>
                )}
              </p>
              <table className="holidays">
                <thead>
                  <tr>
                    <th>节日</th>
                    <th>放假</th>
                    <th>调休上班</th>
                  </tr>
                </thead>
                <tbody>
                  {holidaysOf(chosen.file).map((holiday) => (
                    <tr key={holiday.name}>
                      <td>{holiday.name}</td>
                      <td>{holiday.off.join('、') || '—'}</td>
                      <td>{holiday.workdays.join('、') || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button type="button" disabled={sending} onClick={() => load(chosen.file!)}>
                载入{chosen.file.year}年安排
              </button>
            </>
          )}
        </Section>
      )}
    </section>
  );
}
