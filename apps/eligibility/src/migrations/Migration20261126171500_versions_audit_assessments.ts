import { Migration } from '@mikro-orm/migrations';

/**
 * Standards and policies become managed versions (key, author, no overlapping periods per key, closing the only
 * change allowed), with an append-only audit trail; assessments are stored and immutable.
 */
export class Migration20261126171500_versions_audit_assessments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists btree_gist;`);

    this.addSql(
      `alter table "eligibility"."standard" add column "idempotency_key" varchar(128) null, add column "created_by" varchar(64) null;`,
    );
    this.addSql(
      `alter table "eligibility"."standard" add constraint "standard_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(
      `alter table "eligibility"."policy" add column "note" varchar(300) null, add column "idempotency_key" varchar(128) null, add column "created_by" varchar(64) null;`,
    );
    this.addSql(
      `alter table "eligibility"."policy" add constraint "policy_idempotency_key_unique" unique ("idempotency_key");`,
    );

    // Periods of the same key never overlap, whatever the application does (effective_to is inclusive).
    this.addSql(
      `alter table "eligibility"."standard" add constraint "standard_no_overlap" exclude using gist ("division_code" with =, "urban_rural" with =, daterange("effective_from", "effective_to", '[]') with &&);`,
    );
    this.addSql(
      `alter table "eligibility"."policy" add constraint "policy_no_overlap" exclude using gist ("division_code" with =, daterange("effective_from", "effective_to", '[]') with &&);`,
    );

    this.addSql(
      `create table "eligibility"."rule_change" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "kind" varchar(16) not null, "action" varchar(16) not null, "version_id" uuid not null, "division_code" varchar(6) not null, "actor_id" varchar(64) not null, "actor_name" varchar(100) not null, "reason" varchar(300) not null, "before" jsonb null, "after" jsonb not null, constraint "rule_change_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "rule_change_division_code_created_at_index" on "eligibility"."rule_change" ("division_code", "created_at");`,
    );

    this.addSql(
      `create table "eligibility"."assessment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "idempotency_key" varchar(200) not null, "household_id" uuid not null, "application_id" uuid null, "division_code" varchar(12) not null, "urban_rural" varchar(8) not null, "at" date not null, "standard_id" uuid not null, "policy_id" uuid not null, "input_hash" varchar(64) not null, "input" jsonb not null, "result" jsonb not null, "created_by" varchar(64) not null, constraint "assessment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "eligibility"."assessment" add constraint "assessment_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(
      `create index "assessment_household_id_created_at_index" on "eligibility"."assessment" ("household_id", "created_at");`,
    );

    // Append-only: the audit trail and stored assessments are never updated or deleted.
    this.addSql(`create or replace function "eligibility"."refuse_change"() returns trigger language plpgsql as $$
      begin
        raise exception '% rows are append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
      end $$;`);
    this.addSql(
      `create trigger "rule_change_append_only" before update or delete on "eligibility"."rule_change" for each row execute function "eligibility"."refuse_change"();`,
    );
    this.addSql(
      `create trigger "assessment_append_only" before update or delete on "eligibility"."assessment" for each row execute function "eligibility"."refuse_change"();`,
    );
    // A version is never edited; the one change allowed is closing an open-ended one (setting effective_to).
    this.addSql(`create or replace function "eligibility"."only_close_version"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception '% versions are never deleted', tg_table_name using errcode = 'P0001';
        end if;
        if old.effective_to is not null or new.effective_to is null
           or (to_jsonb(new) - 'effective_to' - 'updated_at') <> (to_jsonb(old) - 'effective_to' - 'updated_at') then
          raise exception '% versions are never edited, only closed once', tg_table_name using errcode = 'P0001';
        end if;
        return new;
      end $$;`);
    this.addSql(
      `create trigger "standard_only_close" before update or delete on "eligibility"."standard" for each row execute function "eligibility"."only_close_version"();`,
    );
    this.addSql(
      `create trigger "policy_only_close" before update or delete on "eligibility"."policy" for each row execute function "eligibility"."only_close_version"();`,
    );
  }
}
