export type { ApplicationView } from '@app/contracts/gateway/application-view';

/** Why the console reads an application and its documents: the caseworker opened it to handle its task (logged). */
export const HANDLING_PURPOSE = '办理审批任务';
