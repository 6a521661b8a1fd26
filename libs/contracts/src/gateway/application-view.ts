/* `GET /api/v1/applications/:id` as the gateway answers it (types only): the staff console reads it too. */
import type { ListDocumentsReply } from '../archive/document.reply';
import type { ApplicationReply } from '../intake/application.reply';
import type { ChainState } from '../temporal/approval-updates';

/** The application, where its approval chain stands, and its filed documents. */
export interface ApplicationView {
  application: ApplicationReply;
  /**
   * Where its approval chain stands: stage, pending task, the stage's and the overall due date, full history;
   * null for a draft (no chain yet), or when the chain cannot be asked just now (`progressUnavailable`).
   */
  progress: ChainState | null;
  progressUnavailable?: string;
  /** Documents filed so far; omitted for roles that may not read archive items. */
  documents?: ListDocumentsReply['items'];
}
