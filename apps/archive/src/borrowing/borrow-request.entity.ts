import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';

import type { BorrowStatus } from '@app/contracts';
import { BaseEntity } from '@app/platform';

import { ArchiveFile } from '../files/archive-file.entity';

/** A request to see a household file from outside its division (查借阅), and the archivist's decision. */
@Entity({ tableName: 'borrow_request' })
@Index({ properties: ['requesterId', 'file'] })
export class BorrowRequest extends BaseEntity<'decidedBy' | 'decidedAt' | 'note' | 'expiresAt'> {
  @Unique()
  @Property({ length: 200 })
  idempotencyKey: string;

  @ManyToOne(() => ArchiveFile)
  file: ArchiveFile;

  @Property({ length: 64 })
  requesterId: string;

  @Property({ length: 100 })
  requestedBy: string;

  @Property({ length: 12 })
  requesterDivision: string;

  @Property({ length: 200 })
  purpose: string;

  @Property({ type: 'integer' })
  days: number;

  @Property({ length: 12 })
  status: BorrowStatus;

  @Property({ length: 100, nullable: true })
  decidedBy: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @Property({ length: 300, nullable: true })
  note: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;
}
