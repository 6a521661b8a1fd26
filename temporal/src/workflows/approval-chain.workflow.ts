import { proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';

import {
  APPROVAL_STAGES,
  APPROVAL_STEPS,
  type ApprovalChainInput,
  type ApprovalChainResult,
  SEARCH_ATTRIBUTES,
  withdrawSignal,
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
  let withdrawn = false;
  setHandler(withdrawSignal, () => {
    withdrawn = true;
  });
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
  // The receipt is filed either way (the application was received); a withdrawal ends the chain here.
  const stage = withdrawn ? APPROVAL_STAGES.withdrawn : APPROVAL_STAGES.accepted;
  upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.approvalStage, value: stage }]);
  const documentIds = [received.documentId, ...(received.evidence ?? []).map((item) => item.documentId)];
  return { applicationId: input.applicationId, stage, documentIds };
}
