import { Migration } from '@mikro-orm/migrations';

/** Changes in households' members (家庭成员变动), recorded as they are reported: append-only. */
export class Migration20261128190000_household_changes extends Migration {
  override up(): void {
    this.addSql(`create table if not exists "intake"."household_change" (
      "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null,
      "idempotency_key" varchar(128) not null, "request_hash" varchar(64) not null,
      "household_id" uuid not null, "person_id" uuid not null, "kind" varchar(8) not null,
      "reason" varchar(16) not null, "occurred_on" date not null, "note" varchar(300) null,
      "actor_id" varchar(64) not null, "actor_name" varchar(100) not null,
      "document_id" uuid null, "next_review_on" date null,
      constraint "household_change_pkey" primary key ("id"));`);
    this.addSql(
      `alter table "intake"."household_change" add constraint "household_change_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(
      `create index "household_change_household_id_occurred_on_index" on "intake"."household_change" ("household_id", "occurred_on");`,
    );
    this.addSql(`create or replace function "intake"."refuse_change"() returns trigger language plpgsql as $$
      begin
        raise exception '% rows are append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
      end $$;`);
    this.addSql(
      `create trigger "household_change_append_only" before update or delete on "intake"."household_change" for each row execute function "intake"."refuse_change"();`,
    );
  }

  override down(): void {
    this.addSql(`drop table if exists "intake"."household_change";`);
    this.addSql(`drop function if exists "intake"."refuse_change"();`);
  }
}
