import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';

import type { RetentionEvent as RetentionEventKind } from '@app/contracts';
import { BaseEntity } from '@app/platform';

import { ArchiveFile } from '../files/archive-file.entity';

/** What started or stopped a file's retention clock, when, on what basis, recorded by whom. Never changed. */
@Entity({ tableName: 'retention_event' })
export class RetentionEvent extends BaseEntity {
  @Unique()
  @Property({ length: 200 })
  idempotencyKey: string;

  @ManyToOne(() => ArchiveFile)
  file: ArchiveFile;

  @Property({ length: 20 })
  event: RetentionEventKind;

  @Property({ type: 'date' })
  occurredOn: string;

  @Property({ length: 200 })
  basis: string;

  @Property({ length: 100 })
  recordedBy: string;
}
