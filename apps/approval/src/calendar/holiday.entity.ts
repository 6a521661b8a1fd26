import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** One day of an official holiday arrangement: a holiday on a weekday, or a make-up working day. */
@Entity({ tableName: 'holiday' })
export class Holiday {
  [OptionalProps]?: 'loadedAt' | 'name';

  @PrimaryKey({ type: 'date' })
  date: string;

  @Property()
  year: number;

  @Property()
  isOffDay: boolean;

  @Property({ length: 50, nullable: true })
  name?: string;

  @Property({ type: 'timestamptz' })
  loadedAt: Date = new Date();
}

/** A year whose arrangement is loaded (a year with no holidays at all would still be listed). */
@Entity({ tableName: 'calendar_year' })
export class CalendarYearRow {
  [OptionalProps]?: 'loadedAt' | 'papers';

  @PrimaryKey({ autoincrement: false })
  year: number;

  @Property()
  days: number;

  @Property({ type: 'json', nullable: true })
  papers?: string[];

  @Property({ length: 100 })
  loadedBy: string;

  @Property({ type: 'timestamptz' })
  loadedAt: Date = new Date();
}
