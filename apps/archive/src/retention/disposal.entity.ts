import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';

import type { DisposalDecision } from '@app/contracts';
import { BaseEntity } from '@app/platform';

import { ArchiveFile } from '../files/archive-file.entity';

/** One entry of the disposal register (销毁清册 / 延期): numbered, never changed. */
@Entity({ tableName: 'disposal' })
export class Disposal extends BaseEntity<'registerNo'> {
  @Property({ type: 'integer', autoincrement: true })
  registerNo: number;

  @Unique()
  @Property({ length: 200 })
  idempotencyKey: string;

  @ManyToOne(() => ArchiveFile)
  file: ArchiveFile;

  @Property({ length: 10 })
  decision: DisposalDecision;

  @Property({ length: 300 })
  basis: string;

  @Property({ type: 'integer', nullable: true })
  extendYears: number | null;

  @Property({ type: 'integer' })
  itemCount: number;

  @Property({ length: 100 })
  decidedBy: string;

  @Property({ type: 'timestamptz' })
  decidedAt: Date;
}
