import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';

import type { ArchiveClass, DocumentType } from '@app/contracts';
import { BaseEntity } from '@app/platform';

import { ArchiveFile } from '../files/archive-file.entity';

/** One item (件) in a household file. Never updated or deleted; a correction is a new item. */
@Entity({ tableName: 'document' })
@Unique({ properties: ['file', 'itemNo'] })
export class Document extends BaseEntity<'filedAt' | 'pageCount' | 'supersedesId'> {
  @ManyToOne(() => ArchiveFile)
  file: ArchiveFile;

  @Property({ type: 'integer' })
  itemNo: number;

  @Property({ type: 'uuid' })
  householdId: string;

  @Index()
  @Property({ type: 'uuid' })
  applicationId: string;

  /** The item's 档号: the file's code and the item number. */
  @Unique()
  @Property({ length: 70 })
  referenceCode: string;

  @Property({ length: 64 })
  documentType: DocumentType;

  @Property({ length: 20 })
  archiveClass: ArchiveClass;

  @Property({ length: 200 })
  title: string;

  @Property({ length: 100 })
  mediaType: string;

  @Property({ length: 64 })
  sha256: string;

  @Property({ type: 'bigint' })
  sizeBytes: number;

  /** Pages of a PDF, 1 for an image; null when the content could not be read at filing. */
  @Property({ type: 'integer', nullable: true })
  pageCount: number | null = null;

  @Property({ length: 200 })
  workflowId: string;

  @Property({ length: 100 })
  step: string;

  @Property({ length: 100 })
  createdBy: string;

  /** The caller's idempotency key: filing twice with it yields this one item. */
  @Unique()
  @Property({ length: 200 })
  idempotencyKey: string;

  /** sha256 of the canonical request, to refuse a reused key with different content. */
  @Property({ length: 64 })
  requestHash: string;

  @Property({ type: 'timestamptz' })
  filedAt: Date = new Date();

  /** Entry hash in the file's chain: covers the previous entry, the content hash and the fields above. */
  @Property({ length: 64 })
  entryHash: string;

  /** The item of the same file this one corrects (both stay). */
  @Unique()
  @Property({ type: 'uuid', nullable: true })
  supersedesId: string | null = null;
}
