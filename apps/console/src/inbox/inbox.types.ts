import type { TaskReply } from '@app/contracts/approval/task.request';

/** An inbox line as the gateway answers it: the task, and who applied. */
export type InboxTask = TaskReply & {
  applicant: { name: string; idNumberMasked: string; householdSize: number } | null;
};

export interface InboxReply {
  items: InboxTask[];
  total: number;
  applicantsUnavailable?: string;
}
