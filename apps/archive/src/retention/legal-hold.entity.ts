import { Check, Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';

import type { LegalHoldKind } from '@app/contracts';
import { BaseEntity } from '@app/platform';

import { ArchiveFile } from '../files/archive-file.entity';

/**
 * A hold on a household file (保全): while it is in force the file cannot be destroyed, whatever its retention
 * says. Placed once; lifted once, on a stated basis (the lift columns are set together, never unset; a trigger
 * made by migration refuses any other change and any delete).
 */
@Entity({ tableName: 'legal_hold' })
@Check({
  name: 'legal_hold_lift_complete',
  expression: '(lifted_at is null) = (lifted_by is null) and (lifted_at is null) = (lift_basis is null)',
})
@Index({ properties: ['file'] })
export class LegalHold extends BaseEntity<'liftedBy' | 'liftedAt' | 'liftBasis'> {
  @Unique()
  @Property({ length: 200 })
  idempotencyKey: string;

  @ManyToOne(() => ArchiveFile)
  file: ArchiveFile;

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
