import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The last file number given in a community's box for a year (written by SQL in open-file.ts). */
@Entity({ tableName: 'box_sequence' })
export class BoxSequence {
  @PrimaryKey({ length: 12 })
  boxCode: string;

  @PrimaryKey({ type: 'integer' })
  year: number;

  @Property({ type: 'integer' })
  lastSeq: number;
}
