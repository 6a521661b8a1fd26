import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** Nonces seen in signed bank requests: a second use is refused. Rows older than the window are pruned. */
@Entity({ tableName: 'bank_nonce' })
@Index({ properties: ['seenAt'] })
export class BankNonce {
  @PrimaryKey({ length: 16 })
  bankCode: string;

  @PrimaryKey({ length: 64 })
  nonce: string;

  @Property({ type: 'timestamptz' })
  seenAt: Date;
}
