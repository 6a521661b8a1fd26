import { Migration } from '@mikro-orm/migrations';

/** Money paid that was not owed, ordered back (追回), and what is repaid (append-only). */
export class Migration20261130170000_recoveries extends Migration {
  override up(): void {
    this.addSql(
      `create table if not exists "payment"."recovery" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "idempotency_key" varchar(200) not null, "request_hash" varchar(64) not null, "enrolment_id" uuid not null, "household_id" uuid not null, "division_code" varchar(12) not null, "kind" varchar(16) not null, "from_month" date not null, "to_month" date not null, "paid_months" int not null, "principal_fen" int not null, "fine_fen" int not null, "repaid_fen" int not null default 0, "status" varchar(12) not null default 'OUTSTANDING', "decision" varchar(100) not null, "reason" varchar(500) not null, "document_id" uuid not null, "decided_by" varchar(100) not null, "decided_at" timestamptz not null, constraint "recovery_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "payment"."recovery" add constraint "recovery_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(
      `create index "recovery_division_code_decided_at_index" on "payment"."recovery" ("division_code", "decided_at");`,
    );
    this.addSql(
      `create index "recovery_household_id_from_month_index" on "payment"."recovery" ("household_id", "from_month");`,
    );
    // Never more repaid than owed, whatever a request says.
    this.addSql(
      `alter table "payment"."recovery" add constraint "recovery_repaid_check" check (repaid_fen >= 0 and repaid_fen <= principal_fen + fine_fen);`,
    );
    this.addSql(
      `create table if not exists "payment"."recovery_repayment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "idempotency_key" varchar(200) not null, "request_hash" varchar(64) not null, "recovery_id" uuid not null, "amount_fen" int not null, "received_on" date not null, "receipt_no" varchar(60) not null, "recorded_by" varchar(100) not null, constraint "recovery_repayment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "payment"."recovery_repayment" add constraint "recovery_repayment_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(
      `create index "recovery_repayment_recovery_id_index" on "payment"."recovery_repayment" ("recovery_id");`,
    );
    this.addSql(
      `create trigger "recovery_repayment_append_only" before update or delete on "payment"."recovery_repayment" for each row execute function "payment"."refuse_change"();`,
    );
  }

  override down(): void {
    this.addSql(`drop table if exists "payment"."recovery_repayment" cascade;`);
    this.addSql(`drop table if exists "payment"."recovery" cascade;`);
  }
}
