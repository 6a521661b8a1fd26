import { Migration } from '@mikro-orm/migrations';

/**
 * Retention and disposal: the events that start or stop a file's clock, its last day to keep, and the
 * register of disposal decisions (destroy / extend) — both append-only. A file is never deleted: a destroyed
 * one keeps its code and item list, marked disposed, its content gone.
 */
export class Migration20261127013000_retention_disposal extends Migration {
  override up(): void {
    this.addSql(
      `alter table "archive"."archive_file" add column "retain_until" date null, add column "disposed_at" timestamptz null;`,
    );
    this.addSql(`create table "archive"."retention_event" ("id" uuid not null, "created_at" timestamptz not null,
      "updated_at" timestamptz not null, "idempotency_key" varchar(200) not null, "file_id" uuid not null,
      "event" varchar(20) not null, "occurred_on" date not null, "basis" varchar(200) not null,
      "recorded_by" varchar(100) not null, constraint "retention_event_pkey" primary key ("id"));`);
    this.addSql(
      `alter table "archive"."retention_event" add constraint "retention_event_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(
      `alter table "archive"."retention_event" add constraint "retention_event_file_id_foreign" foreign key ("file_id") references "archive"."archive_file" ("id") on update cascade;`,
    );
    this.addSql(`create table "archive"."disposal" ("id" uuid not null, "created_at" timestamptz not null,
      "updated_at" timestamptz not null, "register_no" serial, "idempotency_key" varchar(200) not null,
      "file_id" uuid not null, "decision" varchar(10) not null, "basis" varchar(300) not null,
      "extend_years" int null, "item_count" int not null, "decided_by" varchar(100) not null,
      "decided_at" timestamptz not null, constraint "disposal_pkey" primary key ("id"));`);
    this.addSql(
      `alter table "archive"."disposal" add constraint "disposal_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(
      `alter table "archive"."disposal" add constraint "disposal_file_id_foreign" foreign key ("file_id") references "archive"."archive_file" ("id") on update cascade;`,
    );
    this.addSql(`create trigger "retention_event_append_only" before update or delete on "archive"."retention_event"
      for each row execute function "archive"."refuse_item_change"();`);
    this.addSql(`create trigger "disposal_append_only" before update or delete on "archive"."disposal"
      for each row execute function "archive"."refuse_item_change"();`);
  }
}
