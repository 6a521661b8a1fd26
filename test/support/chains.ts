import type { Client, WorkflowHandle } from '@temporalio/client';

import { type ChainState, chainStateQuery } from '@app/contracts/temporal';

/** Polls the chain's state query until it reaches `stage` (and, for a stage with a task, its task is open). */
export async function untilStage(handle: WorkflowHandle, stage: string, timeoutMs = 30_000): Promise<ChainState> {
  const deadline = Date.now() + timeoutMs;
  let last: ChainState | undefined;
  for (;;) {
    try {
      last = await handle.query(chainStateQuery);
      const decisionStage = ['COMMUNITY', 'STREET', 'COUNTY', 'DELIVERY'].includes(stage);
      if (last.stage === stage && (!decisionStage || last.pendingTaskId)) {
        return last;
      }
    } catch {
      // not started yet, or between workflow tasks
    }
    if (Date.now() > deadline) {
      throw new Error(`chain did not reach ${stage} (last: ${last?.stage ?? 'unknown'})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** What an approved three-level chain files, in filing order (approving is archiving). */
export const APPROVED_CHAIN_DOCUMENTS = [
  'APPLICATION_RECEIVED',
  'ASSESSMENT_REPORT',
  'COMMUNITY_OPINION',
  'PUBLICITY_NOTICE',
  'STREET_REVIEW',
  'COUNTY_CONFIRMATION',
  'APPROVAL_NOTICE',
  'POST_APPROVAL_PUBLICITY',
];

/**
 * A task's due date as the software promises it: a day, or — when the limit runs into a year whose official holiday
 * calendar is not published yet — no day and that (future) year named. Keeps tests true on any date they run.
 */
export function expectDueDateOrMissingYear(task: { dueDate?: unknown; calendarMissingYear?: unknown }): void {
  if (task.dueDate === null) {
    expect(task.calendarMissingYear).toBeGreaterThan(new Date().getUTCFullYear());
  } else {
    expect(task).toMatchObject({ dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), calendarMissingYear: null });
  }
}

/** Ends the chains a test started where no worker polls, so they do not linger in the test namespace. */
export async function terminateChains(client: Client, workflowIds: string[]): Promise<void> {
  await Promise.all(
    workflowIds.map((id) =>
      client.workflow
        .getHandle(id)
        .terminate('test finished')
        .catch(() => undefined),
    ),
  );
}
