import { Migration } from '@mikro-orm/migrations';

/** Periodic reviews (定期核查): each enrolment's cycle and next due day, and the reviews recorded (append-only). */
export class Migration20261128160000_enrolment_reviews extends Migration {
  override up(): void {
    this.addSql(`alter table "payment"."enrolment"
      add column if not exists "review_interval_months" smallint not null default 12,
      add column if not exists "next_review_on" date null,
      add column if not exists "last_reviewed_on" date null;`);
    // Enrolments made before: due a year after their first month, unless ended.
    this.addSql(`update "payment"."enrolment" set "next_review_on" = "first_month" + interval '12 months'
      where "next_review_on" is null and "status" <> 'TERMINATED';`);
    this.addSql(
      `create index if not exists "enrolment_next_review_on_index" on "payment"."enrolment" ("next_review_on");`,
    );
    this.addSql(`create table if not exists "payment"."enrolment_review" (
      "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null,
      "idempotency_key" varchar(200) not null, "enrolment_id" uuid not null, "reviewed_on" date not null,
      "finding" varchar(16) not null, "summary" varchar(1000) not null, "interval_months" smallint not null,
      "actor_id" varchar(64) not null, "actor_name" varchar(100) not null, "document_id" uuid not null,
      "request_hash" varchar(64) not null,
      constraint "enrolment_review_pkey" primary key ("id"));`);
    this.addSql(
      `alter table "payment"."enrolment_review" add constraint "enrolment_review_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(
      `create index "enrolment_review_enrolment_id_reviewed_on_index" on "payment"."enrolment_review" ("enrolment_id", "reviewed_on");`,
    );
    this.addSql(
      `create trigger "enrolment_review_append_only" before update or delete on "payment"."enrolment_review" for each row execute function "payment"."refuse_change"();`,
    );
  }

  override down(): void {
    this.addSql(`drop table if exists "payment"."enrolment_review";`);
    this.addSql(`drop index if exists "payment"."enrolment_next_review_on_index";`);
    this.addSql(`alter table "payment"."enrolment" drop column if exists "review_interval_months",
      drop column if exists "next_review_on", drop column if exists "last_reviewed_on";`);
  }
}
