/* The staff inbox as the gateway answers it (types only): the staff console reads it too. */
import type { ListTasksReply, TaskReply } from '../approval/task.request';

/** An inbox line: the task, and who applied (null when intake could not say). */
export type InboxTask = TaskReply & {
  applicant: { name: string; idNumberMasked: string; householdSize: number } | null;
};

export interface InboxReply extends Omit<ListTasksReply, 'items'> {
  items: InboxTask[];
  /** Set when who applied could not be read just now: the tasks are listed without it. */
  applicantsUnavailable?: string;
}
