import type { ApplicationReply } from '@app/contracts';
import { maskIdNumber } from '@app/domain';

import type { Application } from './application.entity';

/** The wire view of an application: the ID number is always masked. */
export function toApplicationReply(application: Application): ApplicationReply {
  return {
    id: application.id,
    applicationNo: application.applicationNo,
    householdId: application.household.id,
    divisionCode: application.divisionCode,
    applicantName: application.applicantName,
    applicantIdNumberMasked: maskIdNumber(application.applicantIdNumber),
    householdSize: application.householdSize,
    reason: application.reason,
    status: application.status,
    workflowId: application.workflowId,
    submittedAt: application.submittedAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
  };
}
