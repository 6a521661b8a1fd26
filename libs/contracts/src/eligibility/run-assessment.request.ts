import { IsOptional, IsUUID } from 'class-validator';

import type { AssessmentResult } from '@app/domain';

import { PreviewAssessmentRequest } from './preview-assessment.request';
import { IsIdempotencyKey } from '../common/idempotency-key.validator';

/**
 * Assess a registered household and store the result, immutably. Idempotent by `idempotencyKey`: the same key
 * returns the first assessment; the same key with other inputs is an IDEMPOTENCY_CONFLICT.
 */
export class RunAssessmentRequest extends PreviewAssessmentRequest {
  @IsUUID('4', { message: '家庭编号格式不正确' })
  householdId: string;

  @IsOptional()
  @IsUUID('4', { message: '申请编号格式不正确' })
  applicationId?: string;

  @IsIdempotencyKey()
  idempotencyKey: string;
}

export class GetAssessmentRequest {
  @IsUUID('4', { message: '评估编号格式不正确' })
  assessmentId: string;
}

export class ListAssessmentsRequest {
  @IsUUID('4', { message: '家庭编号格式不正确' })
  householdId: string;
}

/** A stored assessment: the result, the versions used, and a hash of exactly what was assessed. */
export interface StoredAssessmentReply extends AssessmentResult {
  id: string;
  householdId: string;
  applicationId: string | null;
  divisionCode: string;
  urbanRural: 'URBAN' | 'RURAL';
  /** The day assessed for. */
  at: string;
  /** sha256 of the canonical input (household, incomes, assets, date) and the version ids. */
  inputHash: string;
  createdAt: string;
}

export interface ListAssessmentsReply {
  items: StoredAssessmentReply[];
}
