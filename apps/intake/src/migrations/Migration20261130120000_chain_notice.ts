import { Migration } from '@mikro-orm/migrations';

/** Notices to applications' chains (an outbox), sent once what they tell of is committed, and again until sent. */
export class Migration20261130120000_chain_notice extends Migration {
  override up(): void {
    this.addSql(`create table if not exists "intake"."chain_notice" (
      "id" uuid not null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "change_id" varchar(64) not null,
      "workflow_id" varchar(200) not null,
      "signal" varchar(32) not null,
      "summary" varchar(500) not null,
      "occurred_on" date not null,
      "sent_at" timestamptz null,
      constraint "chain_notice_pkey" primary key ("id"));`);
    this.addSql(
      `alter table "intake"."chain_notice" add constraint "chain_notice_change_id_unique" unique ("change_id");`,
    );
    this.addSql(
      `create index "chain_notice_sent_at_created_at_index" on "intake"."chain_notice" ("sent_at", "created_at");`,
    );
  }

  override down(): void {
    this.addSql(`drop table if exists "intake"."chain_notice" cascade;`);
  }
}
