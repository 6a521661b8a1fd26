import { Migration } from '@mikro-orm/migrations';

/** The staff inbox (task), the holiday calendar (holiday, calendar_year) and approval policies. */
export class Migration20261126175310_inbox_calendar_policy extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "approval"."approval_policy" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "division_code" varchar(6) not null, "effective_from" date not null, "effective_to" date null, "rules" jsonb not null, "note" varchar(300) null, constraint "approval_policy_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "approval_policy_division_code_effective_from_index" on "approval"."approval_policy" ("division_code", "effective_from");`,
    );
    this.addSql(
      `create table "approval"."calendar_year" ("year" int not null, "days" int not null, "papers" jsonb null, "loaded_by" varchar(100) not null, "loaded_at" timestamptz not null, constraint "calendar_year_pkey" primary key ("year"));`,
    );
    this.addSql(
      `create table "approval"."holiday" ("date" date not null, "year" int not null, "is_off_day" boolean not null, "name" varchar(50) null, "loaded_at" timestamptz not null, constraint "holiday_pkey" primary key ("date"));`,
    );
    this.addSql(
      `create table "approval"."task" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "application_id" uuid not null, "application_no" varchar(40) not null, "household_id" uuid not null, "division_code" varchar(12) not null, "workflow_id" varchar(200) not null, "stage" varchar(16) not null, "role" varchar(32) not null, "attempt" int not null, "status" varchar(16) not null default 'OPEN', "opened_at" timestamptz not null, "due_date" date null, "calendar_missing_year" int null, "escalated_at" timestamptz null, "outcome" varchar(16) null, "opinion" text null, "decided_by" varchar(100) null, "decided_at" timestamptz null, "document_id" uuid null, "decision_key" varchar(128) null, "decision_reply" jsonb null, constraint "task_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "task_status_stage_division_code_index" on "approval"."task" ("status", "stage", "division_code");`,
    );
    this.addSql(
      `alter table "approval"."task" add constraint "task_workflow_id_stage_attempt_unique" unique ("workflow_id", "stage", "attempt");`,
    );
  }
}
