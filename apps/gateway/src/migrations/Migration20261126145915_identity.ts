import { Migration } from '@mikro-orm/migrations';

export class Migration20261126145915 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "identity";`);
    this.addSql(
      `create table "identity"."access_log" ("seq" bigserial primary key, "occurred_at" timestamptz not null, "actor_id" varchar(64) not null, "actor_username" varchar(64) not null, "actor_roles" varchar(200) not null, "actor_division" varchar(12) not null, "action" varchar(16) not null, "record_type" varchar(32) not null, "record_id" varchar(64) not null, "record_division" varchar(12) not null, "purpose" varchar(500) not null, "client_ip" varchar(64) not null, "correlation_id" varchar(64) not null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null);`,
    );
    this.addSql(`create index "access_log_actor_id_index" on "identity"."access_log" ("actor_id");`);
    this.addSql(`create index "access_log_record_id_index" on "identity"."access_log" ("record_id");`);
    this.addSql(`create index "access_log_record_division_index" on "identity"."access_log" ("record_division");`);

    this.addSql(
      `create table "identity"."account" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "username" varchar(64) not null, "display_name" varchar(100) not null, "division_code" varchar(12) not null, "roles" text[] not null, "password_hash" varchar(200) not null, "active" boolean not null default true, "failed_logins" int not null default 0, "locked_until" timestamptz null, "last_login_at" timestamptz null, constraint "account_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "identity"."account" add constraint "account_username_unique" unique ("username");`);
    this.addSql(`create index "account_division_code_index" on "identity"."account" ("division_code");`);

    this.addSql(
      `create table "identity"."refresh_token" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "replaced_by" uuid null, constraint "refresh_token_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "refresh_token_account_id_index" on "identity"."refresh_token" ("account_id");`);
    this.addSql(
      `alter table "identity"."refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `alter table "identity"."refresh_token" add constraint "refresh_token_account_id_foreign" foreign key ("account_id") references "identity"."account" ("id") on update cascade;`,
    );

    // The access log is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks (the hash chain catches the rest).
    this.addSql(`create function "identity"."access_log_append_only"() returns trigger language plpgsql as $$
      begin raise exception 'identity.access_log is append-only (查阅登记只能追加)'; end $$;`);
    this.addSql(`create trigger "access_log_no_update_delete" before update or delete on "identity"."access_log"
      for each row execute function "identity"."access_log_append_only"();`);
    this.addSql(`create trigger "access_log_no_truncate" before truncate on "identity"."access_log"
      for each statement execute function "identity"."access_log_append_only"();`);
  }
}
