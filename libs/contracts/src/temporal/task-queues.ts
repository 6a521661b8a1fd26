/** Task queues; the worker polls them and clients start workflows on them. */
export const TASK_QUEUES = {
  approval: 'dibao-approval',
  payroll: 'dibao-payroll',
} as const;
