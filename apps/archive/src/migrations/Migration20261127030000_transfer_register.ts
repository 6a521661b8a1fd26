import { Migration } from '@mikro-orm/migrations';

/** The transfer register (移交登记): one numbered, unchangeable row per transfer package made. */
export class Migration20261127030000_transfer_register extends Migration {
  override up(): void {
    this.addSql(`create table "archive"."transfer_package" ("id" uuid not null, "created_at" timestamptz not null,
      "updated_at" timestamptz not null, "register_no" serial, "idempotency_key" varchar(200) not null,
      "scope" varchar(4) not null, "division_code" varchar(12) not null, "fonds_code" varchar(6) not null,
      "household_id" uuid null, "year" int null, "file_count" int not null, "item_count" int not null,
      "content_bytes" bigint not null, "purpose" varchar(200) not null, "created_by" varchar(100) not null,
      "snapshot_at" timestamptz not null, constraint "transfer_package_pkey" primary key ("id"));`);
    this.addSql(
      `alter table "archive"."transfer_package" add constraint "transfer_package_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(`create trigger "transfer_package_append_only" before update or delete on "archive"."transfer_package"
      for each row execute function "archive"."refuse_item_change"();`);
  }
}
