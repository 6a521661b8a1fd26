import type { DocumentReply } from '@app/contracts/archive/document.reply';
import type { ApplicationReply } from '@app/contracts/intake/application.reply';
import type { ChainState } from '@app/contracts/temporal/approval-updates';

/** `GET /api/v1/applications/:id`: the application, where its chain stands, and its filed documents. */
export interface ApplicationView {
  application: ApplicationReply;
  progress: ChainState | null;
  progressUnavailable?: string;
  /** Only for roles that may read documents. */
  documents?: DocumentReply[];
}

/** Why the console reads an application and its documents: the caseworker opened it to handle its task (logged). */
export const HANDLING_PURPOSE = '办理审批任务';
