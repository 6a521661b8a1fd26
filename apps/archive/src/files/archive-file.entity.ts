import { Entity, Property, Unique } from '@mikro-orm/core';

import { BaseEntity } from '@app/platform';

/**
 * A household's archive file (一户一卷): in the box of its community (一社区一盒), in the cabinet of its street
 * (一街道一柜). Its reference code (档号) is given once, when the file is opened, and never changes. Items are
 * numbered from 1 without gaps; `headHash` is the entry hash of the last one (see @app/domain item-chain).
 */
@Entity({ tableName: 'archive_file' })
@Unique({ name: 'archive_file_box_seq_unique', properties: ['divisionCode', 'openedYear', 'boxSeq'] })
export class ArchiveFile extends BaseEntity<'itemCount' | 'pageCount' | 'retainUntil' | 'disposedAt'> {
  @Unique()
  @Property({ type: 'uuid' })
  householdId: string;

  /** The community (12 digits) the file was opened in: its box, and who may see it. */
  @Property({ length: 12 })
  divisionCode: string;

  @Unique()
  @Property({ length: 60 })
  referenceCode: string;

  /** 全宗号: the county civil-affairs bureau (6-digit division code). */
  @Property({ length: 6 })
  fondsCode: string;

  @Property({ type: 'integer' })
  openedYear: number;

  /** The file's number in its box for the year. */
  @Property({ type: 'integer' })
  boxSeq: number;

  /** The street/township (9 digits): the cabinet. */
  @Property({ length: 9 })
  cabinetCode: string;

  /** Number of items filed so far; the next item gets itemCount + 1. */
  @Property({ type: 'integer' })
  itemCount: number = 0;

  /** Pages of all items (PDF pages; an image is one page). */
  @Property({ type: 'integer' })
  pageCount: number = 0;

  @Property({ length: 64 })
  headHash: string;

  /** The last day the file must be kept (see retention/); null while benefits run or the case is open. */
  @Property({ type: 'date', nullable: true })
  retainUntil: string | null = null;

  /** Set when a recorded decision destroyed the file's content (the file and its item list stay). */
  @Property({ type: 'timestamptz', nullable: true })
  disposedAt: Date | null = null;
}
