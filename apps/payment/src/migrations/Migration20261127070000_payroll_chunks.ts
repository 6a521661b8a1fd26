import { Migration } from '@mikro-orm/migrations';

/**
 * The log of a month's line chunks loaded before the month is sealed into the ledger; the ledger's index on the
 * month alone goes (each partition holds one month: it told the planner nothing and cost every month's seal).
 */
export class Migration20261127070000_payroll_chunks extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "payment"."payroll_chunk" ("month" date not null, "chunk" smallint not null, "chunks" smallint not null, "inserted" int not null, "loaded_at" timestamptz not null default now(), constraint "payroll_chunk_pkey" primary key ("month", "chunk", "chunks"));`,
    );
    this.addSql(`drop index if exists "payment"."payroll_line_month_index";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment"."payroll_chunk";`);
    this.addSql(`create index if not exists "payroll_line_month_index" on "payment"."payroll_line" ("month");`);
  }
}
