import { Entity, Index, Property } from '@mikro-orm/core';

import { BaseEntity } from '@app/platform';

/**
 * What happened to a line afterwards: a failed one re-issued to a corrected account or carried to the next cycle,
 * a held one released to the new payee, re-issued to a new card or cancelled as not owed.
 */
@Entity({ tableName: 'line_event' })
@Index({ properties: ['lineId'] })
export class LineEvent extends BaseEntity<'idempotencyKey' | 'reason' | 'newAccountNo' | 'oldAccountNo'> {
  @Property({ type: 'bigint' })
  lineId: number;

  @Property({ length: 16 })
  kind: 'REISSUED' | 'CARRIED' | 'RELEASED' | 'CANCELLED';

  @Property({ length: 200, nullable: true, unique: true })
  idempotencyKey?: string;

  @Property({ length: 30, nullable: true })
  oldAccountNo?: string;

  @Property({ length: 30, nullable: true })
  newAccountNo?: string;

  @Property({ length: 300, nullable: true })
  reason?: string;

  @Property({ length: 64 })
  actorId: string;

  @Property({ length: 100 })
  actorName: string;
}
