import { Migration } from '@mikro-orm/migrations';

/**
 * Records kept apart from household files get their category and retention: payment rosters are accounting
 * records kept 30 years after their year, statistics reports administrative records (5 years; annual ones
 * permanently). The rows filed so far are all rosters; they are given theirs once, with the append-only guard
 * lifted for that statement only. A record's last day and disposal change only by a recorded decision in the
 * disposal register, which now takes records as well as files.
 */
export class Migration20261127040000_record_retention extends Migration {
  override up(): void {
    this.addSql(`alter table "archive"."accounting_record"
      add column "category" varchar(16) not null default 'ACCOUNTING',
      add column "retention_code" varchar(4) not null default 'D30',
      add column "retain_until" date null,
      add column "disposed_at" timestamptz null;`);
    this.addSql(`alter table "archive"."accounting_record" alter column "category" drop default,
      alter column "retention_code" drop default;`);
    this.addSql(`alter table "archive"."accounting_record" disable trigger "accounting_record_append_only";`);
    this.addSql(`update "archive"."accounting_record"
      set "retain_until" = make_date(extract(year from "period")::int + 30, 12, 31);`);
    this.addSql(`alter table "archive"."accounting_record" enable trigger "accounting_record_append_only";`);
    this.addSql(
      `create index "accounting_record_retain_until_index" on "archive"."accounting_record" ("retain_until");`,
    );
    // Still append-only, except what a recorded disposal decision changes: the last day, and the disposal.
    this
      .addSql(`create or replace function "archive"."refuse_accounting_change"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and old."disposed_at" is null
           and (to_jsonb(new) - 'retain_until' - 'disposed_at' - 'updated_at')
             = (to_jsonb(old) - 'retain_until' - 'disposed_at' - 'updated_at') then
          return new;
        end if;
        raise exception 'accounting records are append-only: % refused', tg_op using errcode = 'P0001';
      end $$;`);
    // The disposal register records decisions on files and on records, one or the other.
    this.addSql(
      `alter table "archive"."disposal" alter column "file_id" drop not null, add column "record_id" uuid null;`,
    );
    this.addSql(`alter table "archive"."disposal" drop constraint "disposal_file_id_foreign";`);
    this.addSql(
      `alter table "archive"."disposal" add constraint "disposal_file_id_foreign" foreign key ("file_id") references "archive"."archive_file" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "archive"."disposal" add constraint "disposal_record_id_foreign" foreign key ("record_id") references "archive"."accounting_record" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "archive"."disposal" add constraint "disposal_one_subject" check (("file_id" is null) <> ("record_id" is null));`,
    );
  }
}
