import { randomUUID } from 'node:crypto';

import type { FileDocumentRequest } from '@app/contracts';

/**
 * A filing of the application receipt into a household's file, as the chain sends it. The content is unique
 * (a random application number): blobs are shared by hash, and some tests damage them.
 */
export function receiptFiling(overrides: Partial<FileDocumentRequest> = {}): FileDocumentRequest {
  const applicationId = overrides.applicationId ?? randomUUID();
  return {
    idempotencyKey: `test:${randomUUID()}`,
    householdId: randomUUID(),
    divisionCode: '220102001001',
    applicationId,
    workflowId: `approval-chain-${applicationId}`,
    step: 'application-received',
    documentType: 'APPLICATION_RECEIVED',
    createdBy: 'system',
    data: {
      applicationNo: `SQ-220102-2026-${randomUUID().slice(0, 8)}`,
      applicantName: '王五',
      applicantIdNumberMasked: '220102********0012',
      householdSize: 3,
      reason: '因病致贫',
      submittedAt: '2026-11-26T08:00:00.000Z',
    },
    ...overrides,
  };
}
