import { Check, Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';

import type { LegalHoldKind } from '@app/contracts';
import { BaseEntity } from '@app/platform';

import { AccountingRecord } from '../accounting/accounting-record.entity';
import { ArchiveFile } from '../files/archive-file.entity';

/**
 * A hold on a household file or a record (保全): while it is in force it cannot be destroyed, whatever its retention
 * says. Placed once; lifted once, on a stated basis (the lift columns are set together, never unset; a trigger
 * made by migration refuses any other change and any delete).
 */
@Entity({ tableName: 'legal_hold' })
@Check({
  name: 'legal_hold_lift_complete',
  expression: '(lifted_at is null) = (lifted_by is null) and (lifted_at is null) = (lift_basis is null)',
})
@Check({ name: 'legal_hold_one_subject', expression: '(file_id is null) <> (record_id is null)' })
@Index({ properties: ['file'] })
@Index({ properties: ['record'] })
export class LegalHold extends BaseEntity<'liftedBy' | 'liftedAt' | 'liftBasis'> {
  @Unique()
  @Property({ length: 200 })
  idempotencyKey: string;

  /** The household file held … */
  @ManyToOne(() => ArchiveFile, { nullable: true })
  file: ArchiveFile | null;

  /** … or the record (a roster, a statistics report: an audit of the payments). */
  @ManyToOne(() => AccountingRecord, { nullable: true })
  record: AccountingRecord | null;

  @Property({ length: 20 })
  kind: LegalHoldKind;

  @Property({ length: 300 })
  basis: string;

  @Property({ length: 100 })
  placedBy: string;

  @Property({ type: 'timestamptz' })
  placedAt: Date;

  @Property({ length: 100, nullable: true })
  liftedBy: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  liftedAt: Date | null = null;

  @Property({ length: 300, nullable: true })
  liftBasis: string | null = null;
}
