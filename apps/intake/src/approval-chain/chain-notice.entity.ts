import { Entity, Index, Property } from '@mikro-orm/core';

import { BaseEntity } from '@app/platform';

/** What the chain is told of: a change in the household's members, its means re-checked, a data-check notice served. */
export type ChainNoticeSignal = 'householdChanged' | 'dataCheckRechecked' | 'dataCheckNoticeServed';

/**
 * A notice to an application's chain, written in the same transaction as what it tells of and sent once that is
 * committed (an outbox): one the chain could not be told of at the time stays unsent and is sent again by the
 * sweep. The chain assesses once per `changeId`, so a notice sent twice does no harm.
 */
@Entity({ tableName: 'chain_notice' })
@Index({ properties: ['sentAt', 'createdAt'] })
export class ChainNotice extends BaseEntity<'sentAt'> {
  @Property({ length: 64, unique: true })
  changeId: string;

  @Property({ length: 200 })
  workflowId: string;

  @Property({ length: 32 })
  signal: ChainNoticeSignal;

  /** What the chain's history notes of it (no personal data), and the day it happened. */
  @Property({ length: 500 })
  summary: string;

  @Property({ type: 'date' })
  occurredOn: string;

  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date;
}
