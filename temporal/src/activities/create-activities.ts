import type { MessagingClient } from '@app/platform';

import { applicationParticulars } from './application-particulars';
import { createApprovalActivities } from './approval.activities';
import { createArchiveActivities } from './archive.activities';
import { createIntakeActivities } from './intake.activities';
import { createPaymentActivities } from './payment.activities';
import { createStepCallActivities } from './step-calls.activities';

export interface ActivityDependencies {
  messaging: MessagingClient;
}

/** Every activity the worker registers; workflows type their proxies with this factory's return type. */
export function createActivities({ messaging }: ActivityDependencies) {
  const particulars = applicationParticulars(messaging);
  const calls = {
    ...createArchiveActivities(messaging, particulars),
    ...createIntakeActivities(messaging),
    ...createApprovalActivities(messaging, particulars),
  };
  return { ...calls, ...createStepCallActivities(calls), ...createPaymentActivities(messaging) };
}

export type Activities = ReturnType<typeof createActivities>;
