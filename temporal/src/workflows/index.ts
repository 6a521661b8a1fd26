export * from './approval-chain.workflow';
