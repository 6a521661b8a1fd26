import { Migration } from '@mikro-orm/migrations';

/**
 * Holds on household files (保全): a held file cannot be destroyed. A hold is placed once and lifted once: the
 * trigger lets an update only set the lift columns of a hold in force, and refuses deletes.
 */
export class Migration20261130140000_legal_hold extends Migration {
  override up(): void {
    this.addSql(`create table "archive"."legal_hold" ("id" uuid not null, "created_at" timestamptz not null,
      "updated_at" timestamptz not null, "idempotency_key" varchar(200) not null, "file_id" uuid not null,
      "kind" varchar(20) not null, "basis" varchar(300) not null, "placed_by" varchar(100) not null,
      "placed_at" timestamptz not null, "lifted_by" varchar(100) null, "lifted_at" timestamptz null,
      "lift_basis" varchar(300) null, constraint "legal_hold_pkey" primary key ("id"),
      constraint legal_hold_lift_complete check ((lifted_at is null) = (lifted_by is null) and (lifted_at is null) = (lift_basis is null)));`);
    this.addSql(
      `alter table "archive"."legal_hold" add constraint "legal_hold_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(`create index "legal_hold_file_id_index" on "archive"."legal_hold" ("file_id");`);
    this.addSql(
      `alter table "archive"."legal_hold" add constraint "legal_hold_file_id_foreign" foreign key ("file_id") references "archive"."archive_file" ("id") on update cascade;`,
    );
    this.addSql(`create or replace function "archive"."legal_hold_lift_only"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'legal holds are never deleted';
        end if;
        if old.lifted_at is not null
           or (new.id, new.created_at, new.idempotency_key, new.file_id, new.kind, new.basis, new.placed_by, new.placed_at)
              is distinct from
              (old.id, old.created_at, old.idempotency_key, old.file_id, old.kind, old.basis, old.placed_by, old.placed_at) then
          raise exception 'a legal hold is only ever lifted, once';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "legal_hold_lift_only" before update or delete on "archive"."legal_hold"
      for each row execute function "archive"."legal_hold_lift_only"();`);
  }

  override down(): void {
    this.addSql(`drop table if exists "archive"."legal_hold";`);
    this.addSql(`drop function if exists "archive"."legal_hold_lift_only"();`);
  }
}
