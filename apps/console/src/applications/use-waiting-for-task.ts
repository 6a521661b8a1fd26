import { useEffect, useState } from 'react';

import { type DecisionStage, STAGE_DIVISION_DIGITS } from '@app/contracts/approval/approval-policy';

import type { ApplicationView } from './application.types';
import type { Loaded } from '../common/use-load';
import type { InboxReply } from '../inbox/inbox.types';
import { useSession } from '../session/use-session';

const POLL_MS = 2_000;
const MAX_POLLS = 30;

/**
 * While the chain accepts and assesses an application, or is opening the caller's task, no task of theirs is open
 * yet: the application and its tasks are read again every two seconds, for at most a minute, until one is. Says
 * whether it is waiting; `restart()` waits afresh (after an objection, say, which sends the case back).
 */
export function useWaitingForTask(
  id: string,
  view: Loaded<ApplicationView>,
  tasks: Loaded<InboxReply>,
  paused: boolean,
): { waiting: boolean; restart: () => void } {
  const session = useSession();
  const [polls, setPolls] = useState<{ id: string; count: number }>({ id, count: 0 });
  const count = polls.id === id ? polls.count : 0;
  const status = view.data?.application.status;
  const chain = view.data?.progress;
  const mine = (stage: DecisionStage | null | undefined) =>
    !!stage && STAGE_DIVISION_DIGITS[stage] === session?.account.divisionCode.length;
  const waiting =
    !paused &&
    (status === 'SUBMITTED' || status === 'RECEIVED' || status === 'IN_REVIEW') &&
    !tasks.data?.items.some((task) => task.status === 'OPEN') &&
    (!chain || ['ACCEPTANCE', 'ASSESSMENT'].includes(chain.stage) || mine(chain.pendingStage)) &&
    count < MAX_POLLS;
  const due = waiting && !view.loading && !tasks.loading;
  const { reload: reloadView } = view;
  const { reload: reloadTasks } = tasks;
  useEffect(() => {
    if (!due) {
      return;
    }
    const timer = setTimeout(() => {
      setPolls({ id, count: count + 1 });
      reloadView();
      reloadTasks();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [due, id, count, reloadView, reloadTasks]);
  return { waiting, restart: () => setPolls({ id, count: 0 }) };
}
