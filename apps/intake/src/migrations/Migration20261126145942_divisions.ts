import { Migration } from '@mikro-orm/migrations';

export class Migration20261126145942_divisions extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "intake"."division" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(12) not null, "name" varchar(100) not null, "parent_code" varchar(12) null, "level" smallint not null, "urban_rural" varchar(8) not null, "valid_from" date not null, "valid_to" date null, "successor_code" varchar(12) null, constraint "division_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "division_code_index" on "intake"."division" ("code");`);
    this.addSql(
      `alter table "intake"."division" add constraint "division_code_valid_from_unique" unique ("code", "valid_from");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "intake"."division" cascade;`);
  }
}
