import { Entity, Property } from '@mikro-orm/core';

import { BaseEntity } from '@app/platform';

/** A run over many files: on request (an archivist's scope) or scheduled (every file). */
@Entity({ tableName: 'fixity_sweep' })
export class FixitySweep extends BaseEntity<'filesChecked' | 'filesWithProblems' | 'itemsChecked' | 'finishedAt'> {
  @Property({ type: 'timestamptz' })
  startedAt: Date;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;

  /** The division whose files were checked; `*` for all (the scheduled sweep). */
  @Property({ length: 12 })
  scope: string;

  @Property({ length: 100 })
  startedBy: string;

  @Property({ type: 'integer' })
  filesChecked: number = 0;

  @Property({ type: 'integer' })
  filesWithProblems: number = 0;

  @Property({ type: 'integer' })
  itemsChecked: number = 0;
}
