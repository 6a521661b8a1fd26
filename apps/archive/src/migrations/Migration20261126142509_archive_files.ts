import { Migration } from '@mikro-orm/migrations';

export class Migration20261126142509 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "archive";`);
    this.addSql(
      `create table "archive"."archive_file" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "household_id" uuid not null, "division_code" varchar(12) not null, "item_count" int not null default 0, constraint "archive_file_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "archive"."archive_file" add constraint "archive_file_household_id_unique" unique ("household_id");`,
    );

    this.addSql(
      `create table "archive"."document" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "file_id" uuid not null, "item_no" int not null, "household_id" uuid not null, "application_id" uuid not null, "document_type" varchar(64) not null, "title" varchar(200) not null, "media_type" varchar(100) not null, "sha256" varchar(64) not null, "size_bytes" bigint not null, "workflow_id" varchar(200) not null, "step" varchar(100) not null, "created_by" varchar(100) not null, "idempotency_key" varchar(200) not null, "request_hash" varchar(64) not null, "filed_at" timestamptz not null, constraint "document_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "document_application_id_index" on "archive"."document" ("application_id");`);
    this.addSql(
      `alter table "archive"."document" add constraint "document_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(
      `alter table "archive"."document" add constraint "document_file_id_item_no_unique" unique ("file_id", "item_no");`,
    );

    this.addSql(
      `alter table "archive"."document" add constraint "document_file_id_foreign" foreign key ("file_id") references "archive"."archive_file" ("id") on update cascade;`,
    );
  }
}
