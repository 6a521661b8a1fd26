import { Migration } from '@mikro-orm/migrations';

/** Reconsideration and court cases against the county's decisions (行政复议、行政诉讼). */
export class Migration20261130160000_appeals extends Migration {
  override up(): void {
    this.addSql(
      `create table if not exists "approval"."appeal" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "idempotency_key" varchar(200) not null, "request_hash" varchar(64) not null, "application_id" uuid not null, "household_id" uuid not null, "division_code" varchar(12) not null, "contested_document_id" uuid not null, "contested_document_type" varchar(40) not null, "contested_reference_code" varchar(80) not null, "contested_title" varchar(200) not null, "kind" varchar(16) not null, "body" varchar(100) not null, "case_no" varchar(60) not null, "received_on" date not null, "claim" varchar(1000) not null, "status" varchar(8) not null default 'OPEN', "hold_id" uuid null, "registration_document_id" uuid null, "registered_by" varchar(100) not null, "registered_at" timestamptz not null, "outcome" varchar(24) null, "decided_on" date null, "decision_no" varchar(100) null, "note" varchar(1000) null, "outcome_document_id" uuid null, "outcome_key" varchar(200) null, "outcome_hash" varchar(64) null, "outcome_by" varchar(100) null, "outcome_recorded_at" timestamptz null, "closed_at" timestamptz null, constraint "appeal_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "approval"."appeal" add constraint "appeal_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(`alter table "approval"."appeal" add constraint "appeal_outcome_key_unique" unique ("outcome_key");`);
    this.addSql(
      `alter table "approval"."appeal" add constraint "appeal_body_case_no_unique" unique ("body", "case_no");`,
    );
    this.addSql(
      `create index "appeal_division_code_registered_at_index" on "approval"."appeal" ("division_code", "registered_at");`,
    );
    this.addSql(`create index "appeal_household_id_index" on "approval"."appeal" ("household_id");`);
  }

  override down(): void {
    this.addSql(`drop table if exists "approval"."appeal" cascade;`);
  }
}
