import type { FileDocumentRequest } from './file-document.request';
import type { AttachmentReply } from '../intake/attachment.request';

/**
 * Where a step's document goes and under which key: the application's household file, filed once per
 * (workflow, step[, part]) — retries, replays and requests sent again find the same key and never file twice.
 */
export function stepFiling(
  application: { id: string; householdId: string; divisionCode: string },
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
    // A call may run again with its form rendered at a later time (a workflow task executed anew after its local
    // activities ran, a request sent again): what was filed for the step is its record.
    firstFilingStands: true,
  };
}

/** An uploaded attachment as the evidence item it is filed as, in the uploader's name. */
export function evidenceFiling(
  attachment: Pick<AttachmentReply, 'sha256' | 'mediaType' | 'evidenceType' | 'originalName' | 'uploadedBy'>,
): Pick<FileDocumentRequest, 'documentType' | 'createdBy' | 'evidence'> {
  return {
    documentType: 'EVIDENCE',
    createdBy: attachment.uploadedBy,
    evidence: {
      sha256: attachment.sha256,
      mediaType: attachment.mediaType,
      evidenceType: attachment.evidenceType,
      originalName: attachment.originalName,
    },
  };
}
