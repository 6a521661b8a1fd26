import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

/** The same update name and payload as the chain's (`decide`), declared here so the bundle needs no aliases. */
interface Decision {
  taskId: string;
  decision: string;
}
const decideUpdate = defineUpdate<{ taskId: string; next: string }, [Decision]>('decide');

const { noop } = proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '30 seconds' });

/**
 * Calibration for the chain benchmark: the same shape as an approval chain — about as many activities and
 * three `decide` updates — with no-op activities and no services, so the benchmark can print our overhead.
 */
export async function bareChainWorkflow(): Promise<void> {
  let pending: Decision | undefined;
  let answered = 0;
  setHandler(decideUpdate, async (d: Decision) => {
    pending = d;
    const mine = answered + 1;
    await condition(() => answered >= mine);
    return { taskId: d.taskId, next: 'APPROVED' };
  });
  for (let i = 0; i < 6; i += 1) {
    await noop(); // acceptance, policy, status, assessment …
  }
  for (let stage = 0; stage < 3; stage += 1) {
    await noop(); // open the task
    await condition(() => pending !== undefined);
    pending = undefined;
    await noop(); // file the record
    await noop(); // close the task
    answered += 1;
  }
  await noop(); // outcome notice
  await noop(); // status
}
