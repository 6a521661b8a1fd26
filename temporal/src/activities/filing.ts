import type { ApplicationReply, FileDocumentRequest } from '@app/contracts';

/**
 * Where a step's document goes and under which key: the application's household file, filed once per
 * (workflow, step[, part]) — retries and replays find the same key and never file twice.
 */
export function stepFiling(
  application: Pick<ApplicationReply, 'id' | 'householdId' | 'divisionCode'>,
  workflowId: string,
  step: string,
  part?: string,
): Pick<
  FileDocumentRequest,
  'idempotencyKey' | 'householdId' | 'divisionCode' | 'applicationId' | 'workflowId' | 'step' | 'firstFilingStands'
> {
  return {
    idempotencyKey: part ? `${workflowId}:${step}:${part}` : `${workflowId}:${step}`,
    householdId: application.householdId,
    divisionCode: application.divisionCode,
    applicationId: application.id,
    workflowId,
    step,
    // A chain's call may run again with its form rendered at a later time (a workflow task executed anew after its
    // local activities ran): what was filed for the step is its record.
    firstFilingStands: true,
  };
}
