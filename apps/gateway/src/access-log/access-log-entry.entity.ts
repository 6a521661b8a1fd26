import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One look at personal data (查阅登记). Append-only (a trigger refuses UPDATE and DELETE) and hash-chained:
 * `hash` covers `prevHash` and every field, so an edited or removed row breaks verification.
 */
@Entity({ tableName: 'access_log' })
export class AccessLogEntry {
  /** Position in the chain, from 1, without gaps. */
  @PrimaryKey({ type: 'bigint' })
  seq: string;

  @Property({ type: 'timestamptz' })
  occurredAt: Date;

  @Index()
  @Property({ length: 64 })
  actorId: string;

  @Property({ length: 64 })
  actorUsername: string;

  @Property({ length: 200 })
  actorRoles: string;

  @Property({ length: 12 })
  actorDivision: string;

  /** READ (saw masked data), REVEAL (saw a full ID number), DOWNLOAD (archive item content). */
  @Property({ length: 16 })
  action: string;

  @Property({ length: 32 })
  recordType: string;

  @Index()
  @Property({ length: 64 })
  recordId: string;

  @Index()
  @Property({ length: 12 })
  recordDivision: string;

  @Property({ length: 500 })
  purpose: string;

  @Property({ length: 64 })
  clientIp: string;

  @Property({ length: 64 })
  correlationId: string;

  @Property({ length: 64 })
  prevHash: string;

  @Property({ length: 64 })
  hash: string;
}
