import { createHash, randomUUID } from 'node:crypto';

import type { INestMicroservice } from '@nestjs/common';

import { type AddAttachmentRequest, type EvidenceType, SUBJECTS } from '@app/contracts';
import { MessagingClient, UploadStore } from '@app/platform';

import { as, CALLERS } from './callers';

/** A small PDF of its own content (a fresh sha256), as a scanned piece of evidence. */
export function evidencePdf(body: string | Buffer = randomUUID()): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(body), Buffer.from('\n%%EOF\n')]);
}

/**
 * Evidence as the upload route brings it: the bytes put into the upload store through `intake`, taken into the
 * archive's blob store (checked and stored by sha256), and answered with what linking it to an application needs.
 */
export async function storeEvidence(
  intake: INestMicroservice,
  content: Buffer = evidencePdf(),
): Promise<Pick<AddAttachmentRequest, 'sha256' | 'sizeBytes' | 'mediaType'>> {
  const sha256 = createHash('sha256').update(content).digest('hex');
  const uploadName = `evidence-${randomUUID()}`;
  await intake.get(UploadStore).put(uploadName, content);
  const stored = await as(CALLERS.community1, () =>
    intake.get(MessagingClient).request(SUBJECTS.archive.uploadIngest, { uploadName, sha256 }),
  );
  return { sha256, sizeBytes: stored.sizeBytes, mediaType: stored.mediaType };
}

/** Stored evidence linked to an application as `community1` (intake.attachment.add). */
export function linkEvidence(
  intake: INestMicroservice,
  applicationId: string,
  stored: Pick<AddAttachmentRequest, 'sha256' | 'sizeBytes' | 'mediaType'>,
  evidenceType: EvidenceType,
  originalName: string,
) {
  return as(CALLERS.community1, () =>
    intake
      .get(MessagingClient)
      .request(SUBJECTS.intake.attachmentAdd, { applicationId, evidenceType, originalName, ...stored }),
  );
}
