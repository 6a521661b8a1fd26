import { evidenceFiling, stepFiling, SUBJECTS } from '@app/contracts';
import type { MessagingClient } from '@app/platform';

import type { ParticularsCache } from './application-particulars';
import { callService } from './call-service';

export interface FileApplicationReceivedInput {
  applicationId: string;
  workflowId: string;
  step: string;
  /** Read by the worker's correlation interceptor; carried by every activity input. */
  correlationId: string;
}

/** What the workflow keeps of a filed document: ids and hashes only, never personal data. */
export interface FiledDocumentRef {
  documentId: string;
  itemNo: number;
  sha256: string;
  /** Evidence items filed with the receipt. */
  evidence?: FiledDocumentRef[];
}

/**
 * Archive activities. Personal data never enters workflow history: the activity reads the application from
 * intake itself and hands it to the archive; its input and result carry ids only.
 */
export function createArchiveActivities(messaging: MessagingClient, particulars: ParticularsCache) {
  return {
    async fileApplicationReceived(input: FileApplicationReceivedInput): Promise<FiledDocumentRef> {
      const application = await callService(() =>
        messaging.request(SUBJECTS.intake.applicationGet, { applicationId: input.applicationId }),
      );
      // The forms of the chain's next steps print these particulars: read once here.
      particulars.remember(application);
      const document = await callService(() =>
        messaging.request(SUBJECTS.archive.documentFile, {
          ...stepFiling(application, input.workflowId, input.step),
          documentType: 'APPLICATION_RECEIVED',
          createdBy: 'system',
          data: {
            applicationNo: application.applicationNo,
            applicantName: application.applicantName,
            applicantIdNumberMasked: application.applicantIdNumberMasked,
            householdSize: application.householdSize,
            reason: application.reason,
            submittedAt: application.submittedAt ?? application.updatedAt,
          },
        }),
      );
      // Evidence uploaded by now is part of this step: it enters the household file with the receipt.
      const evidence: FiledDocumentRef[] = [];
      for (const attachment of application.attachments) {
        const filed = await callService(() =>
          messaging.request(SUBJECTS.archive.documentFile, {
            ...stepFiling(application, input.workflowId, input.step, `evidence:${attachment.id}`),
            ...evidenceFiling(attachment),
          }),
        );
        evidence.push({ documentId: filed.id, itemNo: filed.itemNo, sha256: filed.sha256 });
      }
      return { documentId: document.id, itemNo: document.itemNo, sha256: document.sha256, evidence };
    },
  };
}
