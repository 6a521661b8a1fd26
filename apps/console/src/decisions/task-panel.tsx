import { useState } from 'react';

import type { DecisionReply } from '@app/contracts/approval/task.request';

import { DecisionForm } from './decision-form';
import type { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { ErrorBox } from '../common/error-box';
import { PURPOSE_LABELS, REQUIREMENT_LABELS, STAGE_LABELS } from '../common/labels';
import { DueDate } from '../inbox/inbox.page';
import type { InboxTask } from '../inbox/inbox.types';
import { useSession } from '../session/use-session';

/** The caller's open task on the application: its limits and requirements, signing for it, and the decision. */
export function TaskPanel({
  task,
  onDecided,
  onChanged,
}: {
  task: InboxTask;
  onDecided: (reply: DecisionReply) => void;
  onChanged: () => void;
}) {
  const session = useSession();
  const [error, setError] = useState<ApiError>();
  const claim = (release: boolean) => {
    setError(undefined);
    api(`/tasks/${task.id}/${release ? 'release' : 'claim'}`, { method: 'POST' }).then(onChanged, setError);
  };
  const mine = task.claimedBy !== null && task.claimedBy === session?.account.username;
  return (
    <section className="task" aria-label="待办任务">
      <h2>
        待办：{STAGE_LABELS[task.stage]}（{PURPOSE_LABELS[task.purpose]}）
      </h2>
      <p>
        办理期限：
        <DueDate day={task.dueDate} missingYear={task.calendarMissingYear} />
        {task.overdue && <span className="badge danger">已逾期</span>}
        {task.escalatedAt && <span className="badge">已督办</span>}
        ；签收：{task.claimedBy ?? '未签收'}{' '}
        {task.claimedBy === null && (
          <button type="button" onClick={() => claim(false)}>
            签收
          </button>
        )}
        {mine && (
          <button type="button" onClick={() => claim(true)}>
            退回待办池
          </button>
        )}
      </p>
      {task.requirements.length > 0 && (
        <ul className="requirements">
          {task.requirements.map((requirement) => (
            <li key={requirement.kind}>
              须附{REQUIREMENT_LABELS[requirement.kind]}：{requirement.reason}
            </li>
          ))}
        </ul>
      )}
      <ErrorBox error={error} />
      <DecisionForm task={task} onDecided={onDecided} />
    </section>
  );
}
