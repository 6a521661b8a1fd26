import { Entity, Index, Property, Unique } from '@mikro-orm/core';

import type { AccountingRecordType } from '@app/contracts';
import { BaseEntity } from '@app/platform';

/**
 * A record kept apart from the household files: the accounting records (会计档案) such as the monthly
 * payment roster of a community, and the administrative records (文书档案) such as a county's statistics
 * reports. Never updated or deleted; a later version is a new record.
 */
@Entity({ tableName: 'accounting_record' })
@Index({ properties: ['divisionCode', 'period'] })
export class AccountingRecord extends BaseEntity<'filedAt' | 'retainUntil' | 'disposedAt'> {
  @Property({ length: 32 })
  recordType: AccountingRecordType;

  @Property({ length: 12 })
  divisionCode: string;

  /** First day of the period (the payroll month). */
  @Property({ type: 'date' })
  period: string;

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

  @Unique()
  @Property({ length: 200 })
  idempotencyKey: string;

  @Property({ length: 64 })
  requestHash: string;

  @Property({ type: 'timestamptz' })
  filedAt: Date = new Date();

  /** ACCOUNTING (会计档案: rosters) or ADMINISTRATIVE (文书档案: statistics reports). */
  @Property({ length: 16 })
  category: 'ACCOUNTING' | 'ADMINISTRATIVE';

  /** 保管期限: D30, D5, Y (permanent). */
  @Property({ length: 4 })
  retentionCode: string;

  /** The last day to keep it (see recordRetainUntil); null when kept permanently. */
  @Index()
  @Property({ type: 'date', nullable: true })
  retainUntil: string | null = null;

  /** Set by a recorded DESTROY decision: the content is gone, the row stays. */
  @Property({ type: 'timestamptz', nullable: true })
  disposedAt: Date | null = null;
}
