import { Migration } from '@mikro-orm/migrations';

/**
 * Records kept apart from household files get their category and retention: payment rosters are accounting
 * records kept 30 years after their year, statistics reports administrative records (5 years; annual ones
 * permanently). The rows filed so far are all rosters; they are given theirs once, with the append-only guard
 * lifted for that statement only.
 */
export class Migration20261127040000_record_retention extends Migration {
  override up(): void {
    this.addSql(`alter table "archive"."accounting_record"
      add column "category" varchar(16) not null default 'ACCOUNTING',
      add column "retention_code" varchar(4) not null default 'D30',
      add column "retain_until" date null;`);
    this.addSql(`alter table "archive"."accounting_record" alter column "category" drop default,
      alter column "retention_code" drop default;`);
    this.addSql(`alter table "archive"."accounting_record" disable trigger "accounting_record_append_only";`);
    this.addSql(`update "archive"."accounting_record"
      set "retain_until" = make_date(extract(year from "period")::int + 30, 12, 31);`);
    this.addSql(`alter table "archive"."accounting_record" enable trigger "accounting_record_append_only";`);
    this.addSql(
      `create index "accounting_record_retain_until_index" on "archive"."accounting_record" ("retain_until");`,
    );
  }
}
