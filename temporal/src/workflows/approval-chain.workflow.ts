import { proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';

import {
  APPROVAL_STAGES,
  APPROVAL_STEPS,
  type ApprovalChainInput,
  type ApprovalChainResult,
  SEARCH_ATTRIBUTES,
} from '@app/contracts/temporal';

import type { Activities } from '../activities/create-activities';

const { fileApplicationReceived, recordApplicationStage } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    // Retry until a human looks: filing must happen. Business rejections are non-retryable failures.
  },
});

/**
 * The approval chain of one application. So far: acceptance, where the "application received" record is
 * filed into the household's archive file the moment the step completes (approving is archiving). The
 * community, street and county stages arrive with the approval issue.
 */
export async function approvalChainWorkflow(input: ApprovalChainInput): Promise<ApprovalChainResult> {
  const workflowId = `approval-chain-${input.applicationId}`;
  const received = await fileApplicationReceived({
    applicationId: input.applicationId,
    workflowId,
    step: APPROVAL_STEPS.applicationReceived,
    correlationId: input.correlationId,
  });
  await recordApplicationStage({
    applicationId: input.applicationId,
    workflowId,
    status: 'RECEIVED',
    correlationId: input.correlationId,
  });
  upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.approvalStage, value: APPROVAL_STAGES.accepted }]);
  return { applicationId: input.applicationId, stage: APPROVAL_STAGES.accepted, documentIds: [received.documentId] };
}
