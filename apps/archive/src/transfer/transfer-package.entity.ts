import { Entity, Property, Unique } from '@mikro-orm/core';

import { BaseEntity } from '@app/platform';

/** One entry of the transfer register (移交登记): what was packaged, by whom, why. Never changed. */
@Entity({ tableName: 'transfer_package' })
export class TransferPackage extends BaseEntity<'registerNo'> {
  @Property({ type: 'integer', autoincrement: true })
  registerNo: number;

  @Unique()
  @Property({ length: 200 })
  idempotencyKey: string;

  @Property({ length: 4 })
  scope: 'FILE' | 'BOX';

  /** The box (community) packaged, or the household file's community. */
  @Property({ length: 12 })
  divisionCode: string;

  @Property({ length: 6 })
  fondsCode: string;

  @Property({ type: 'uuid', nullable: true })
  householdId: string | null;

  @Property({ type: 'integer', nullable: true })
  year: number | null;

  @Property({ type: 'integer' })
  fileCount: number;

  @Property({ type: 'integer' })
  itemCount: number;

  @Property({ type: 'bigint' })
  contentBytes: number;

  @Property({ length: 200 })
  purpose: string;

  @Property({ length: 100 })
  createdBy: string;

  /** Items filed after this moment are not in the package. */
  @Property({ type: 'timestamptz' })
  snapshotAt: Date;
}
