import type { DocumentReply } from '@app/contracts';

import type { Document } from './document.entity';

export function toDocumentReply(document: Document): DocumentReply {
  return {
    id: document.id,
    fileId: document.file.id,
    householdId: document.householdId,
    divisionCode: document.file.divisionCode,
    applicationId: document.applicationId,
    itemNo: document.itemNo,
    documentType: document.documentType,
    title: document.title,
    mediaType: document.mediaType,
    sha256: document.sha256,
    sizeBytes: Number(document.sizeBytes),
    step: document.step,
    workflowId: document.workflowId,
    createdBy: document.createdBy,
    filedAt: document.filedAt.toISOString(),
  };
}
