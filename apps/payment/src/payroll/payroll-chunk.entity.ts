import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A chunk of a month's lines loaded before the month was sealed (see sealLedgerMonth): written in the same
 * transaction as the chunk's lines, so a retried chunk finds it and adds nothing, and an operator can see what was
 * loaded when.
 */
@Entity({ tableName: 'payroll_chunk' })
export class PayrollChunk {
  @PrimaryKey({ type: 'date' })
  month: string;

  @PrimaryKey({ type: 'smallint' })
  chunk: number;

  @PrimaryKey({ type: 'smallint' })
  chunks: number;

  @Property({ type: 'integer' })
  inserted: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  loadedAt: Date = new Date();
}
