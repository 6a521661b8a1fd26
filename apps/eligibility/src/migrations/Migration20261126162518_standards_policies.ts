import { Migration } from '@mikro-orm/migrations';

export class Migration20261126162518_standards_policies extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "eligibility"."policy" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "division_code" varchar(6) not null, "effective_from" date not null, "effective_to" date null, "rules" jsonb not null, constraint "policy_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "policy_division_code_effective_from_index" on "eligibility"."policy" ("division_code", "effective_from");`,
    );

    this.addSql(
      `create table "eligibility"."standard" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "division_code" varchar(6) not null, "urban_rural" varchar(8) not null, "effective_from" date not null, "effective_to" date null, "amount_fen" bigint not null, "period" varchar(8) not null, "note" varchar(300) null, constraint "standard_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "standard_division_code_urban_rural_effective_from_index" on "eligibility"."standard" ("division_code", "urban_rural", "effective_from");`,
    );
  }
}
