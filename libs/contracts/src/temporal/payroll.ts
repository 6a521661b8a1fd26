/** The monthly payroll: one workflow per month (never one per household), started by a Temporal Schedule. */
export const PAYROLL_WORKFLOW_TYPE = 'monthlyPayrollWorkflow';

/** The id of the Schedule that starts the payroll each month. */
export const PAYROLL_SCHEDULE_ID = 'payroll-monthly';

export function payrollWorkflowId(month: string): string {
  return `payroll-${month}`;
}

export interface PayrollInput {
  /** YYYY-MM; absent when started by the Schedule: the month of the scheduled time (Beijing). */
  month?: string;
  /** Chunk activities generating the lines (each one INSERT … SELECT over a range of enrolments). */
  chunks?: number;
  batchSize?: number;
  /** How long to wait for the banks' results before closing the cycle (pending lines stay pending). */
  settlementWaitMs?: number;
  /** How often to look at the banks' progress while waiting. */
  pollMs?: number;
}

export interface PayrollResult {
  month: string;
  /** Community rosters (发放花名册) filed as accounting records at the cycle's close. */
  rostersFiled: number;
  /** County statistics reports (monthly; quarterly at a quarter's end; annual in December) filed. */
  reportsFiled: number;
  lines: number;
  batches: number;
  carried: number;
  paidFen: number;
  failedFen: number;
  pendingFen: number;
  balanced: boolean;
}
