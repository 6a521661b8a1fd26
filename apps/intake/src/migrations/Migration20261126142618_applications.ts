import { Migration } from '@mikro-orm/migrations';

export class Migration20261126142618 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "intake";`);
    this.addSql(
      `create table "intake"."application_counter" ("county_code" varchar(6) not null, "year" int not null, "last_no" int not null, constraint "application_counter_pkey" primary key ("county_code", "year"));`,
    );

    this.addSql(
      `create table "intake"."household" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "head_id_number" varchar(18) not null, "head_name" varchar(50) not null, "division_code" varchar(12) not null, constraint "household_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "intake"."household" add constraint "household_head_id_number_unique" unique ("head_id_number");`,
    );

    this.addSql(
      `create table "intake"."application" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "application_no" varchar(32) not null, "idempotency_key" varchar(128) not null, "request_hash" varchar(64) not null, "household_id" uuid not null, "division_code" varchar(12) not null, "applicant_name" varchar(50) not null, "applicant_id_number" varchar(18) not null, "household_size" int not null, "reason" text not null, "status" text check ("status" in ('SUBMITTED', 'RECEIVED')) not null default 'SUBMITTED', "workflow_id" varchar(200) not null, "workflow_started_at" timestamptz null, "submitted_at" timestamptz not null, constraint "application_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "intake"."application" add constraint "application_application_no_unique" unique ("application_no");`,
    );
    this.addSql(
      `alter table "intake"."application" add constraint "application_idempotency_key_unique" unique ("idempotency_key");`,
    );

    this.addSql(
      `alter table "intake"."application" add constraint "application_household_id_foreign" foreign key ("household_id") references "intake"."household" ("id") on update cascade;`,
    );
  }
}
