export * from './approval-chain';
export * from './search-attributes';
export * from './task-queues';
export * from './approval-updates';
export * from './payroll';
