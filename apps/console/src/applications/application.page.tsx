import { useState } from 'react';
import { useParams } from 'react-router';

import type { DecisionReply } from '@app/contracts/approval/task.request';

import { ApplicationActions } from './application-actions';
import { type ApplicationView, HANDLING_PURPOSE } from './application.types';
import { DocumentList } from './document-list';
import { useWaitingForTask } from './use-waiting-for-task';
import { api } from '../api/client';
import { ErrorBox } from '../common/error-box';
import {
  APPLICATION_STATUS_LABELS,
  beijingMinute,
  DECISION_LABELS,
  HISTORY_EVENT_LABELS,
  HISTORY_STAGE_LABELS,
  NEXT_LABELS,
  STAGE_LABELS,
} from '../common/labels';
import { useLoad } from '../common/use-load';
import { TaskPanel } from '../decisions/task-panel';
import type { InboxReply } from '../inbox/inbox.types';

/** 办理: the application, where its chain stands, its filed documents, and the caller's task on it. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const view = useLoad(() => api<ApplicationView>(`/applications/${id}`, { purpose: HANDLING_PURPOSE }), id);
  const tasks = useLoad(() => api<InboxReply>(`/tasks?applicationId=${id}`), id);
  // The last decision taken here, shown until another application is opened.
  const [lastDecision, setLastDecision] = useState<{ applicationId: string; reply: DecisionReply }>();
  const decided = lastDecision?.applicationId === id ? lastDecision.reply : undefined;
  const { waiting, restart: waitAgain } = useWaitingForTask(id, view, tasks, decided !== undefined);
  const reloadAll = () => {
    view.reload();
    tasks.reload();
  };
  /** After an objection, an upload or a withdrawal: what the chain does next is read afresh. */
  const afterAction = () => {
    setLastDecision(undefined);
    waitAgain();
    reloadAll();
  };
  const afterDecision = (reply: DecisionReply) => {
    setLastDecision({ applicationId: id, reply });
    reloadAll();
  };

  if (view.error) {
    return <ErrorBox error={view.error} />;
  }
  if (!view.data) {
    return <p>正在读取……</p>;
  }
  const { application, progress, progressUnavailable, documents } = view.data;
  return (
    <section>
      <h1>
        {application.applicationNo} {application.applicantName}
      </h1>
      <dl className="particulars">
        <dt>状态</dt>
        <dd data-field="status">{APPLICATION_STATUS_LABELS[application.status]}</dd>
        <dt>身份证号</dt>
        <dd>{application.applicantIdNumberMasked}</dd>
        <dt>户人数</dt>
        <dd>{application.householdSize}</dd>
        <dt>所属社区</dt>
        <dd>{application.divisionCode}</dd>
        <dt>申请理由</dt>
        <dd>{application.reason}</dd>
        <dt>提交时间</dt>
        <dd>{application.submittedAt ? beijingMinute(new Date(application.submittedAt)) : '草稿'}</dd>
      </dl>

      {waiting && <p className="warning">正在办理：本环节的材料归档、待办生成后，将显示在这里。</p>}
      {decided && (
        <p className="done" role="status">
          已提交：{DECISION_LABELS[decided.decision]}。本环节记录已归档；下一步：
          {NEXT_LABELS[decided.next] ?? decided.next}。
        </p>
      )}
      <ErrorBox error={tasks.error} />
      {tasks.data?.items
        .filter((task) => task.status === 'OPEN')
        .map((task) => (
          <TaskPanel key={task.id} task={task} onDecided={afterDecision} onChanged={tasks.reload} />
        ))}

      <h2>审批进度</h2>
      {progressUnavailable && <p className="warning">{progressUnavailable}</p>}
      {progress && (
        <>
          <p>
            当前环节：
            {progress.pendingStage
              ? STAGE_LABELS[progress.pendingStage]
              : (HISTORY_STAGE_LABELS[progress.stage] ?? progress.stage)}
            {progress.dueDate && `，办理期限 ${progress.dueDate}`}
            {progress.publicityEndsAt && `，公示至 ${beijingMinute(new Date(progress.publicityEndsAt))}`}
            {progress.overallDueDate && `，总时限至 ${progress.overallDueDate}`}
          </p>
          <table className="history">
            <thead>
              <tr>
                <th>时间</th>
                <th>环节</th>
                <th>事项</th>
                <th>办理人</th>
                <th>说明</th>
              </tr>
            </thead>
            <tbody>
              {progress.history.map((entry, index) => (
                <tr key={index}>
                  <td>{beijingMinute(new Date(entry.at))}</td>
                  <td>{HISTORY_STAGE_LABELS[entry.stage] ?? entry.stage}</td>
                  <td>{HISTORY_EVENT_LABELS[entry.event] ?? entry.event}</td>
                  <td>{entry.actor}</td>
                  <td>{entry.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <ApplicationActions view={view.data} onChanged={afterAction} />

      {documents && (
        <>
          <h2>已归档材料</h2>
          <DocumentList documents={documents} />
        </>
      )}
    </section>
  );
}
