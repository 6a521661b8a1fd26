import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';

import { BaseEntity } from '@app/platform';

import { Account } from '../accounts/account.entity';

/** A refresh token, stored as its sha256 only. Rotated on every use; revoked on logout. */
@Entity({ tableName: 'refresh_token' })
export class RefreshToken extends BaseEntity<'revokedAt' | 'replacedBy'> {
  @Index()
  @ManyToOne(() => Account)
  account: Account;

  @Unique()
  @Property({ length: 64 })
  tokenHash: string;

  @Property({ type: 'timestamptz' })
  expiresAt: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;

  /** The token that replaced this one on rotation; reuse of a replaced token revokes the whole account's tokens. */
  @Property({ type: 'uuid', nullable: true })
  replacedBy?: string;
}
