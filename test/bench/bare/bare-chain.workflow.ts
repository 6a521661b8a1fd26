import { condition, defineUpdate, proxyLocalActivities, setHandler, sleep } from '@temporalio/workflow';

/** The same update name and payload as the chain's (`decide`), declared here so the bundle needs no aliases. */
interface Decision {
  taskId: string;
  decision: string;
}
const decideUpdate = defineUpdate<{ taskId: string; next: string }, [Decision]>('decide');

const { noop } = proxyLocalActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '30 seconds' });

/**
 * Calibration for the chain benchmark: the shape of an approved chain — its 11 calls as no-op local activities
 * (as the chain makes them since fewer-calls-v1), three `decide` updates and the publicity wait — with no
 * services behind, so the benchmark can print our overhead.
 */
export async function bareChainWorkflow(publicityMs: number): Promise<void> {
  let pending: Decision | undefined;
  let answered = 0;
  setHandler(decideUpdate, async (d: Decision) => {
    pending = d;
    const mine = answered + 1;
    await condition(() => answered >= mine);
    return { taskId: d.taskId, next: 'APPROVED' };
  });
  for (let i = 0; i < 3; i += 1) {
    await noop(); // receipt and RECEIVED; policy, IN_REVIEW and the overall due date; assessment and its amounts
  }
  for (let stage = 0; stage < 3; stage += 1) {
    await noop(); // open the task
    await condition(() => pending !== undefined);
    pending = undefined;
    await noop(); // file the record and close the task
    answered += 1;
    if (stage === 0) {
      await noop(); // the publicity notice
      await sleep(publicityMs);
    }
  }
  await noop(); // notice, enrolment, post-approval publication and APPROVED
}
