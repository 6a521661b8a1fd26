import { log, patched, proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';

import type { PayrollInput, PayrollResult } from '@app/contracts/temporal';

import type { Activities } from '../activities/create-activities';

const {
  planPayroll,
  generatePayrollChunk,
  buildPayrollBatches,
  payrollStatement,
  listRosterCommunities,
  fileRosters,
  fileStatisticsReports,
} = proxyActivities<Activities>({
  startToCloseTimeout: '3 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const DAY_MS = 24 * 3600_000;
const ROSTERS_PER_ACTIVITY = 25;

/** The Beijing-time month (UTC+8) of an instant, as YYYY-MM. */
function beijingMonth(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

/** When the Schedule started this run (its TemporalScheduledStartTime attribute), else the run's start. */
function scheduledTime(): Date {
  const info = workflowInfo();
  const attribute = info.searchAttributes?.TemporalScheduledStartTime as unknown[] | undefined;
  const value = attribute?.[0];
  return value ? new Date(value as string | Date) : info.runStartTime;
}

/**
 * One month's payroll, for every enrolment at once: a plan of batches per bank, lines generated in chunks (each
 * one INSERT … SELECT writing each line into its batch), the batches handed to the banks, their results awaited
 * until every line is settled or the settlement wait is over, each community's roster filed in the archive as an
 * accounting record, each county's statistics reports filed as administrative records, and the month's
 * statement returned. Never one workflow per household; the history
 * stays around (chunks + polls) × 6 events.
 */
export async function monthlyPayrollWorkflow(input: PayrollInput = {}): Promise<PayrollResult> {
  const month = input.month ?? beijingMonth(scheduledTime());
  const chunks = input.chunks ?? 8;
  const { batchesPerBank } = await planPayroll({ month, batchSize: input.batchSize });
  const generated = await Promise.all(
    Array.from({ length: chunks }, (_, chunk) => generatePayrollChunk({ month, chunk, chunks, batchesPerBank })),
  );
  const inserted = generated.reduce((sum, reply) => sum + reply.inserted, 0);
  const built = await buildPayrollBatches({ month, batchSize: input.batchSize });
  log.info('payroll batches ready for the banks', { month, inserted, batches: built.batches, carried: built.carried });

  const waitMs = input.settlementWaitMs ?? 10 * DAY_MS;
  const pollMs = input.pollMs ?? 3600_000;
  const until = Date.now() + waitMs;
  let statement = await payrollStatement({ month });
  while (statement.totals.pendingLines > 0 && Date.now() < until) {
    await sleep(Math.min(pollMs, Math.max(until - Date.now(), 1)));
    statement = await payrollStatement({ month });
  }
  // The cycle is closed: each community's roster goes to the accounting records, a few communities per activity.
  const { divisionCodes } = await listRosterCommunities({ month });
  let rostersFiled = 0;
  for (let i = 0; i < divisionCodes.length; i += ROSTERS_PER_ACTIVITY) {
    const slice = divisionCodes.slice(i, i + ROSTERS_PER_ACTIVITY);
    rostersFiled += (await fileRosters({ month, divisionCodes: slice, workflowId: workflowInfo().workflowId })).filed;
  }
  // Then each county's statistics report (administrative records): monthly, and for the quarter and the year
  // when the month closes one.
  const reportsFiled = patched('statistics-reports')
    ? (await fileStatisticsReports({ month, workflowId: workflowInfo().workflowId })).filed
    : 0;
  return {
    month,
    rostersFiled,
    reportsFiled,
    lines: statement.totals.lines,
    batches: built.batches,
    carried: built.carried,
    paidFen: statement.totals.paidFen,
    failedFen: statement.totals.failedFen,
    pendingFen: statement.totals.pendingFen,
    balanced: statement.balanced,
  };
}
