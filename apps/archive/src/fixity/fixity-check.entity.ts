import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';

import type { FixityProblem } from '@app/contracts';
import { BaseEntity } from '@app/platform';

import { FixitySweep } from './fixity-sweep.entity';
import { ArchiveFile } from '../files/archive-file.entity';

/** One four-property check of one household file, with every problem found. Kept as the fixity record. */
@Entity({ tableName: 'fixity_check' })
@Index({ properties: ['file', 'checkedAt'] })
export class FixityCheck extends BaseEntity {
  @ManyToOne(() => ArchiveFile)
  file: ArchiveFile;

  @Property({ type: 'timestamptz' })
  checkedAt: Date;

  @Property({ length: 12 })
  trigger: 'ON_DEMAND' | 'SWEEP';

  @Property({ length: 100 })
  checkedBy: string;

  @Property({ type: 'integer' })
  itemsChecked: number;

  @Property({ type: 'boolean' })
  ok: boolean;

  @Property({ type: 'jsonb' })
  problems: FixityProblem[];

  @ManyToOne(() => FixitySweep, { nullable: true })
  sweep: FixitySweep | null;
}
