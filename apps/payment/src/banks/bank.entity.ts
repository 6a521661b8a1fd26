import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A payment bank with its shared HMAC secret (issued out of band; see docs/bank-integration.md). */
@Entity({ tableName: 'bank' })
export class Bank {
  @PrimaryKey({ length: 16 })
  code: string;

  @Property({ length: 100 })
  name: string;

  @Property({ length: 128 })
  secret: string;

  @Property({ default: true })
  active: boolean = true;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date;
}
