export * from './approval-chain.workflow';
export * from './payroll.workflow';
