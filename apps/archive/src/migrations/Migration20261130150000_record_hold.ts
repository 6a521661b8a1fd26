import { Migration } from '@mikro-orm/migrations';

/** A hold may be on a roster or statistics report (an audit of the payments) as well as on a household file. */
export class Migration20261130150000_record_hold extends Migration {
  override up(): void {
    this.addSql(
      `alter table "archive"."legal_hold" alter column "file_id" drop not null, add column "record_id" uuid null;`,
    );
    this.addSql(`alter table "archive"."legal_hold" drop constraint "legal_hold_file_id_foreign";`);
    this.addSql(
      `alter table "archive"."legal_hold" add constraint "legal_hold_file_id_foreign" foreign key ("file_id") references "archive"."archive_file" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "archive"."legal_hold" add constraint "legal_hold_record_id_foreign" foreign key ("record_id") references "archive"."accounting_record" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`create index "legal_hold_record_id_index" on "archive"."legal_hold" ("record_id");`);
    this.addSql(
      `alter table "archive"."legal_hold" add constraint "legal_hold_one_subject" check (("file_id" is null) <> ("record_id" is null));`,
    );
    this.addSql(`create or replace function "archive"."legal_hold_lift_only"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'legal holds are never deleted';
        end if;
        if old.lifted_at is not null
           or (new.id, new.created_at, new.idempotency_key, new.file_id, new.record_id, new.kind, new.basis,
               new.placed_by, new.placed_at)
              is distinct from
              (old.id, old.created_at, old.idempotency_key, old.file_id, old.record_id, old.kind, old.basis,
               old.placed_by, old.placed_at) then
          raise exception 'a legal hold is only ever lifted, once';
        end if;
        return new;
      end $$;`);
  }
}
