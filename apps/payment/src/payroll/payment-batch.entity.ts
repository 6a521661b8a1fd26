import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

import type { BatchStatus } from '@app/contracts';

/** Lines for one bank, handed over together: READY → ACKNOWLEDGED (by the bank) → SETTLED (every line answered). */
@Entity({ tableName: 'payment_batch' })
@Index({ properties: ['bankCode', 'status'] })
@Index({ properties: ['month', 'bankCode'] })
export class PaymentBatch {
  /** e.g. 202612-JLRCB-0001 (regular) or 202612-JLRCB-R0001 (re-issued lines). */
  @PrimaryKey({ length: 40 })
  id: string;

  @Property({ type: 'date' })
  month: string;

  @Property({ length: 16 })
  bankCode: string;

  @Property({ type: 'integer' })
  seq: number;

  @Property({ length: 16 })
  kind: 'REGULAR' | 'REISSUE';

  @Property({ length: 16 })
  status: BatchStatus;

  @Property({ type: 'integer' })
  lineCount: number;

  @Property({ type: 'bigint' })
  totalFen: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date;

  @Property({ type: 'timestamptz', nullable: true })
  acknowledgedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  settledAt?: Date | null;
}
