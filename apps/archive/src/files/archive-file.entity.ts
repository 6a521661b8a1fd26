import { Entity, Property, Unique } from '@mikro-orm/core';

import { BaseEntity } from '@app/platform';

/** A household's archive file (一户一卷). Items are numbered from 1 without gaps. */
@Entity({ tableName: 'archive_file' })
export class ArchiveFile extends BaseEntity<'itemCount'> {
  @Unique()
  @Property({ type: 'uuid' })
  householdId: string;

  /** The community (12 digits) the file was opened in; the box is the community, the cabinet its street. */
  @Property({ length: 12 })
  divisionCode: string;

  /** Number of items filed so far; the next item gets itemCount + 1. */
  @Property({ type: 'integer' })
  itemCount: number = 0;
}
