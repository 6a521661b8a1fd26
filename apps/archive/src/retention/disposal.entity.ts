import { Check, Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';

import type { DisposalDecision } from '@app/contracts';
import { BaseEntity } from '@app/platform';

import { AccountingRecord } from '../accounting/accounting-record.entity';
import { ArchiveFile } from '../files/archive-file.entity';

/** One entry of the disposal register (销毁清册 / 延期) of a file or a record: numbered, never changed. */
@Entity({ tableName: 'disposal' })
@Check({ name: 'disposal_one_subject', expression: '(file_id is null) <> (record_id is null)' })
export class Disposal extends BaseEntity<'registerNo'> {
  @Property({ type: 'integer', autoincrement: true })
  registerNo: number;

  @Unique()
  @Property({ length: 200 })
  idempotencyKey: string;

  /** The household file decided on … */
  @ManyToOne(() => ArchiveFile, { nullable: true })
  file: ArchiveFile | null;

  /** … or the record (roster, statistics report). */
  @ManyToOne(() => AccountingRecord, { nullable: true })
  record: AccountingRecord | null;

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
