import { Entity, Index, Property, Unique } from '@mikro-orm/core';

import type { AppealKind, AppealOutcome, DocumentType } from '@app/contracts';
import { BaseEntity } from '@app/platform';

/**
 * A reconsideration or court case against a county decision, registered by the county. Its parts in the archive
 * (the hold on the household file, the registration record; at the end the outcome record and the hold lifted)
 * are made after the row by keys derived from its id, so a request cut off half-way is finished by the same
 * request again: `holdId` and `registrationDocumentId` are null only until then.
 */
@Entity({ tableName: 'appeal' })
@Index({ properties: ['divisionCode', 'registeredAt'] })
@Index({ properties: ['householdId'] })
@Unique({ properties: ['body', 'caseNo'] })
export class Appeal extends BaseEntity<
  | 'holdId'
  | 'registrationDocumentId'
  | 'outcome'
  | 'decidedOn'
  | 'decisionNo'
  | 'note'
  | 'outcomeDocumentId'
  | 'outcomeKey'
  | 'outcomeHash'
  | 'outcomeBy'
  | 'outcomeRecordedAt'
  | 'closedAt'
> {
  @Property({ length: 200, unique: true })
  idempotencyKey: string;

  /** sha256 of the registration request without its key: the same key with other content is refused. */
  @Property({ length: 64 })
  requestHash: string;

  @Property({ type: 'uuid' })
  applicationId: string;

  @Property({ type: 'uuid' })
  householdId: string;

  /** The household file's division (its community). */
  @Property({ length: 12 })
  divisionCode: string;

  @Property({ type: 'uuid' })
  contestedDocumentId: string;

  @Property({ length: 40 })
  contestedDocumentType: DocumentType;

  @Property({ length: 80 })
  contestedReferenceCode: string;

  @Property({ length: 200 })
  contestedTitle: string;

  @Property({ length: 16 })
  kind: AppealKind;

  @Property({ length: 100 })
  body: string;

  @Property({ length: 60 })
  caseNo: string;

  @Property({ type: 'date' })
  receivedOn: string;

  @Property({ length: 1000 })
  claim: string;

  @Property({ type: 'uuid', nullable: true })
  holdId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  registrationDocumentId?: string | null;

  @Property({ length: 100 })
  registeredBy: string;

  @Property({ type: 'timestamptz' })
  registeredAt: Date;

  @Property({ length: 24, nullable: true })
  outcome?: AppealOutcome | null;

  @Property({ type: 'date', nullable: true })
  decidedOn?: string | null;

  @Property({ length: 100, nullable: true })
  decisionNo?: string | null;

  @Property({ length: 1000, nullable: true })
  note?: string | null;

  @Property({ type: 'uuid', nullable: true })
  outcomeDocumentId?: string | null;

  /** The outcome request's key (one outcome per case) and its content's hash. */
  @Property({ length: 200, nullable: true, unique: true })
  outcomeKey?: string | null;

  @Property({ length: 64, nullable: true })
  outcomeHash?: string | null;

  @Property({ length: 100, nullable: true })
  outcomeBy?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  outcomeRecordedAt?: Date | null;

  /** Set when the outcome is filed and the hold lifted: the case is CLOSED, OPEN until then. */
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  /** The application the county decides again on (重新作出决定), who asked for it and when. */
  @Property({ type: 'uuid', nullable: true })
  redecisionApplicationId?: string | null;

  @Property({ length: 100, nullable: true })
  redecidedBy?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  redecidedAt?: Date | null;
}
