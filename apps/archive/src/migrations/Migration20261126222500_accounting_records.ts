import { Migration } from '@mikro-orm/migrations';

/** Accounting records (会计档案), kept apart from household files: the monthly payment rosters. Append-only. */
export class Migration20261126222500_accounting_records extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "archive"."accounting_record" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "record_type" varchar(32) not null, "division_code" varchar(12) not null, "period" date not null, "title" varchar(200) not null, "media_type" varchar(100) not null, "sha256" varchar(64) not null, "size_bytes" bigint not null, "workflow_id" varchar(200) not null, "step" varchar(100) not null, "created_by" varchar(100) not null, "idempotency_key" varchar(200) not null, "request_hash" varchar(64) not null, "filed_at" timestamptz not null, constraint "accounting_record_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "accounting_record_division_code_period_index" on "archive"."accounting_record" ("division_code", "period");`,
    );
    this.addSql(
      `alter table "archive"."accounting_record" add constraint "accounting_record_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this
      .addSql(`create or replace function "archive"."refuse_accounting_change"() returns trigger language plpgsql as $$
      begin
        raise exception 'accounting records are append-only: % refused', tg_op using errcode = 'P0001';
      end $$;`);
    this.addSql(
      `create trigger "accounting_record_append_only" before update or delete on "archive"."accounting_record" for each row execute function "archive"."refuse_accounting_change"();`,
    );
  }
}
