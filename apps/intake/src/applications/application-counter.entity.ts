import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Last application number issued per county and year; incremented inside the submitting transaction. */
@Entity({ tableName: 'application_counter' })
export class ApplicationCounter {
  @PrimaryKey({ length: 6 })
  countyCode: string;

  @PrimaryKey({ type: 'integer' })
  year: number;

  @Property({ type: 'integer' })
  lastNo: number;
}
