import type { MessagingClient } from '@app/platform';

import { applicationParticulars } from './application-particulars';
import { createApprovalActivities } from './approval.activities';
import { createArchiveActivities } from './archive.activities';
import { createIntakeActivities } from './intake.activities';
import { createPaymentActivities } from './payment.activities';
import { createStepCallActivities } from './step-calls.activities';

/** The code the worker runs, as a decision's record names it (see StepRecordInput.policy). */
export interface EngineIdentity {
  /** The first 16 hex digits of the SHA-256 of the workflow bundle the worker runs. */
  workflowCode: string;
}

export interface ActivityDependencies {
  messaging: MessagingClient;
  engine: EngineIdentity;
}

/** Every activity the worker registers; workflows type their proxies with this factory's return type. */
export function createActivities({ messaging, engine }: ActivityDependencies) {
  const particulars = applicationParticulars(messaging);
  const calls = {
    ...createArchiveActivities(messaging, particulars),
    ...createIntakeActivities(messaging),
    ...createApprovalActivities(messaging, particulars, engine),
  };
  return { ...calls, ...createStepCallActivities(calls), ...createPaymentActivities(messaging) };
}

export type Activities = ReturnType<typeof createActivities>;
