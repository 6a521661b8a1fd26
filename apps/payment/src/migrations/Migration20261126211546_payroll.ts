import { Migration } from '@mikro-orm/migrations';

/**
 * Payment: banks and their replay-protected nonces, enrolments with their terms and change log, payroll lines
 * (one per household per month, enforced by a unique constraint) and the batches handed to banks.
 */
export class Migration20261126211546_payroll extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists btree_gist;`);
    this.addSql(
      `create table "payment"."bank" ("code" varchar(16) not null, "name" varchar(100) not null, "secret" varchar(128) not null, "active" boolean not null default true, "created_at" timestamptz not null default now(), constraint "bank_pkey" primary key ("code"));`,
    );
    this.addSql(
      `create table "payment"."bank_nonce" ("bank_code" varchar(16) not null, "nonce" varchar(64) not null, "seen_at" timestamptz not null, constraint "bank_nonce_pkey" primary key ("bank_code", "nonce"));`,
    );
    this.addSql(`create index "bank_nonce_seen_at_index" on "payment"."bank_nonce" ("seen_at");`);
    this.addSql(
      `create table "payment"."enrolment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "idempotency_key" varchar(200) not null, "household_id" uuid not null, "application_id" uuid null, "division_code" varchar(12) not null, "head_name" varchar(100) not null, "head_id_number" varchar(18) not null, "bank_code" varchar(16) not null, "account_no" varchar(30) not null, "status" varchar(16) not null, "first_month" date not null, "last_month" date null, "created_by" varchar(64) not null, constraint "enrolment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "payment"."enrolment" add constraint "enrolment_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(`create index "enrolment_division_code_index" on "payment"."enrolment" ("division_code");`);
    this.addSql(
      `create unique index "enrolment_one_open_per_household" on "payment"."enrolment" ("household_id") where "status" <> 'TERMINATED';`,
    );
    this.addSql(
      `create table "payment"."enrolment_change" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "idempotency_key" varchar(200) not null, "enrolment_id" uuid not null, "kind" varchar(16) not null, "effective_month" date not null, "base_fen" int null, "supplement_fen" int null, "decision" varchar(200) not null, "reason" varchar(300) null, "actor_id" varchar(64) not null, "actor_name" varchar(100) not null, "request_hash" varchar(64) not null, constraint "enrolment_change_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "payment"."enrolment_change" add constraint "enrolment_change_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(
      `create index "enrolment_change_enrolment_id_created_at_index" on "payment"."enrolment_change" ("enrolment_id", "created_at");`,
    );
    this.addSql(
      `create table "payment"."enrolment_term" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "enrolment_id" uuid not null, "from_month" date not null, "to_month" date null, "state" varchar(16) not null, "base_fen" int not null, "supplement_fen" int not null, "change_id" uuid not null, constraint "enrolment_term_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "payment"."enrolment_term" add constraint "enrolment_term_no_overlap" exclude using gist ("enrolment_id" with =, daterange("from_month", "to_month", '[)') with &&);`,
    );
    this.addSql(
      `create index "enrolment_term_enrolment_id_from_month_index" on "payment"."enrolment_term" ("enrolment_id", "from_month");`,
    );
    this.addSql(
      `create table "payment"."line_event" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "line_id" bigint not null, "kind" varchar(16) not null, "idempotency_key" varchar(200) null, "old_account_no" varchar(30) null, "new_account_no" varchar(30) null, "reason" varchar(300) null, "actor_id" varchar(64) not null, "actor_name" varchar(100) not null, constraint "line_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "payment"."line_event" add constraint "line_event_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(`create index "line_event_line_id_index" on "payment"."line_event" ("line_id");`);
    this.addSql(
      `create table "payment"."payment_batch" ("id" varchar(40) not null, "month" date not null, "bank_code" varchar(16) not null, "seq" int not null, "kind" varchar(16) not null, "status" varchar(16) not null, "line_count" int not null, "total_fen" bigint not null, "created_at" timestamptz not null default now(), "acknowledged_at" timestamptz null, "settled_at" timestamptz null, constraint "payment_batch_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "payment_batch_month_bank_code_index" on "payment"."payment_batch" ("month", "bank_code");`,
    );
    this.addSql(
      `create index "payment_batch_bank_code_status_index" on "payment"."payment_batch" ("bank_code", "status");`,
    );
    this.addSql(
      `create table "payment"."payroll_line" ("id" bigserial, "month" date not null, "enrolment_id" uuid not null, "household_id" uuid not null, "division_code" varchar(12) not null, "bank_code" varchar(16) not null, "account_no" varchar(30) not null, "account_name" varchar(100) not null, "base_fen" int not null, "supplement_fen" int not null, "amount_fen" int not null, "status" varchar(12) not null, "batch_id" varchar(40) null, "attempt" smallint not null default 1, "failure_code" varchar(32) null, "failure_reason" varchar(200) null, "bank_reference" varchar(64) null, "settled_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "payroll_line_pkey" primary key ("id", "month")) partition by range ("month");`,
    );
    this.addSql(`create index "payroll_line_month_index" on "payment"."payroll_line" ("month");`);
    this.addSql(`create index "payroll_line_batch_id_id_index" on "payment"."payroll_line" ("batch_id", "id");`);
    this.addSql(
      `alter table "payment"."payroll_line" add constraint "payroll_line_household_month_unique" unique ("household_id", "month");`,
    );
    this.addSql(
      `create index "payroll_line_failed_index" on "payment"."payroll_line" ("month") where "failure_code" is not null;`,
    );
    this.addSql(
      `create index "payroll_line_unbatched_index" on "payment"."payroll_line" ("month") where "batch_id" is null;`,
    );
    // One partition per month, made by the payroll when it first writes a month (schema payment_ledger, so the
    // ORM's schema diff sees the parent only); each new month's indexes start small.
    this.addSql(`create schema if not exists "payment_ledger";`);
    // Amounts are never negative and a line's amount is its two parts.
    this.addSql(
      `alter table "payment"."payroll_line" add constraint "payroll_line_amount_check" check ("base_fen" >= 0 and "supplement_fen" >= 0 and "amount_fen" = "base_fen" + "supplement_fen");`,
    );
    this.addSql(
      `alter table "payment"."enrolment_term" add constraint "enrolment_term_amount_check" check ("base_fen" >= 0 and "supplement_fen" >= 0 and ("to_month" is null or "to_month" > "from_month"));`,
    );
    // The change log and the line events are append-only.
    this.addSql(`create or replace function "payment"."refuse_change"() returns trigger language plpgsql as $$
      begin
        raise exception '% rows are append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
      end $$;`);
    this.addSql(
      `create trigger "enrolment_change_append_only" before update or delete on "payment"."enrolment_change" for each row execute function "payment"."refuse_change"();`,
    );
    this.addSql(
      `create trigger "line_event_append_only" before update or delete on "payment"."line_event" for each row execute function "payment"."refuse_change"();`,
    );
    // Lines are never deleted: a household's payment record stays whatever happens to the enrolment.
    this.addSql(
      `create trigger "payroll_line_no_delete" before delete on "payment"."payroll_line" for each row execute function "payment"."refuse_change"();`,
    );
  }
}
