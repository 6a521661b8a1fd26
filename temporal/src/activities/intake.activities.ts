import { type ApplicationStatus, SUBJECTS } from '@app/contracts';
import type { MessagingClient } from '@app/platform';

import { callService } from './call-service';

export interface RecordApplicationStageInput {
  applicationId: string;
  workflowId: string;
  status: ApplicationStatus;
  correlationId: string;
}

export function createIntakeActivities(messaging: MessagingClient) {
  return {
    async recordApplicationStage(input: RecordApplicationStageInput): Promise<void> {
      await callService(() =>
        messaging.request(SUBJECTS.intake.applicationRecordStage, {
          applicationId: input.applicationId,
          status: input.status,
          workflowId: input.workflowId,
        }),
      );
    },
  };
}
