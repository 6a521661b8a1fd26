import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { IsCommunityCode } from '../common/division-code.validator';

/** Document types the archive knows. Grows with the approval chain; values are never renamed. */
export const DOCUMENT_TYPES = ['APPLICATION_RECEIVED', 'EVIDENCE'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** An uploaded evidence file (its bytes are in the blob store). */
export class EvidenceRef {
  @Matches(/^[0-9a-f]{64}$/)
  sha256: string;

  @IsIn(['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'])
  mediaType: string;

  /** The evidence type (EVIDENCE_TYPES of intake), e.g. INCOME_PROOF. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  evidenceType: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  originalName: string;
}

/** Data for the "application received" record (申请受理回执). */
export class ApplicationReceivedData {
  @IsString()
  @IsNotEmpty()
  applicationNo: string;

  @IsString()
  @IsNotEmpty()
  applicantName: string;

  /** Masked (see @app/domain maskIdNumber): the receipt never prints the full number. */
  @IsString()
  @IsNotEmpty()
  applicantIdNumberMasked: string;

  @IsInt()
  @Min(1)
  householdSize: number;

  @IsString()
  reason: string;

  /** ISO-8601 time the application was submitted. */
  @IsString()
  submittedAt: string;
}

/**
 * File one document into a household's archive file. The archive renders the document from the data
 * (a PDF), stores its bytes by sha256 and appends an item to the file. Idempotent by `idempotencyKey`.
 */
export class FileDocumentRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  idempotencyKey: string;

  @IsUUID('4')
  householdId: string;

  @IsCommunityCode()
  divisionCode: string;

  @IsUUID('4')
  applicationId: string;

  @IsString()
  @IsNotEmpty()
  workflowId: string;

  /** The workflow step that produced the document. */
  @IsString()
  @IsNotEmpty()
  step: string;

  @IsIn(DOCUMENT_TYPES)
  documentType: DocumentType;

  /** Who completed the step: a staff username, or `system`. */
  @IsString()
  @IsNotEmpty()
  createdBy: string;

  /** For APPLICATION_RECEIVED: what the receipt prints. */
  @ValidateIf((request: FileDocumentRequest) => request.documentType === 'APPLICATION_RECEIVED')
  @ValidateNested()
  @Type(() => ApplicationReceivedData)
  data?: ApplicationReceivedData;

  /** For EVIDENCE: an uploaded file already in the blob store, filed as an item of the household file. */
  @ValidateIf((request: FileDocumentRequest) => request.documentType === 'EVIDENCE')
  @ValidateNested()
  @Type(() => EvidenceRef)
  evidence?: EvidenceRef;
}
