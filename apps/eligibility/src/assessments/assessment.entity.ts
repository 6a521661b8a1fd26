import { Entity, Index, Property } from '@mikro-orm/core';

import type { AssessmentInput, AssessmentResult } from '@app/domain';
import { BaseEntity } from '@app/platform';

/**
 * A stored assessment of a registered household: exactly what was assessed, the versions used and the result.
 * Immutable: a database trigger refuses updates and deletes; a new assessment is a new row.
 */
@Entity({ tableName: 'assessment' })
@Index({ properties: ['householdId', 'createdAt'] })
export class Assessment extends BaseEntity<'applicationId'> {
  @Property({ length: 200, unique: true })
  idempotencyKey: string;

  @Property({ type: 'uuid' })
  householdId: string;

  @Property({ type: 'uuid', nullable: true })
  applicationId?: string;

  @Property({ length: 12 })
  divisionCode: string;

  @Property({ length: 8 })
  urbanRural: 'URBAN' | 'RURAL';

  @Property({ type: 'date' })
  at: string;

  @Property({ type: 'uuid' })
  standardId: string;

  @Property({ type: 'uuid' })
  policyId: string;

  /** sha256 (hex) of the canonical input: division, urban/rural, date, members, incomes, deductions, assets. */
  @Property({ length: 64 })
  inputHash: string;

  @Property({ type: 'json' })
  input: AssessmentInput;

  @Property({ type: 'json' })
  result: AssessmentResult;

  @Property({ length: 64 })
  createdBy: string;
}
