import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';

import type { DocumentType } from '@app/contracts';
import { BaseEntity } from '@app/platform';

import { ArchiveFile } from '../files/archive-file.entity';

/** One item (件) in a household file. Never updated or deleted; a correction is a new item. */
@Entity({ tableName: 'document' })
@Unique({ properties: ['file', 'itemNo'] })
export class Document extends BaseEntity<'filedAt'> {
  @ManyToOne(() => ArchiveFile)
  file: ArchiveFile;

  @Property({ type: 'integer' })
  itemNo: number;

  @Property({ type: 'uuid' })
  householdId: string;

  @Index()
  @Property({ type: 'uuid' })
  applicationId: string;

  @Property({ length: 64 })
  documentType: DocumentType;

  @Property({ length: 200 })
  title: string;

  @Property({ length: 100 })
  mediaType: string;

  @Property({ length: 64 })
  sha256: string;

  @Property({ type: 'bigint' })
  sizeBytes: number;

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
}
