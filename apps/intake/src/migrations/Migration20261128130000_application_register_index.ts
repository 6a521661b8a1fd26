import { Migration } from '@mikro-orm/migrations';

/** The register of applications lists an area (a division-code prefix) newest first. */
export class Migration20261128130000_application_register_index extends Migration {
  override up(): void {
    this.addSql(
      `create index if not exists "application_division_code_created_at_index" on "intake"."application" ("division_code" varchar_pattern_ops, "created_at" desc);`,
    );
  }

  override down(): void {
    this.addSql(`drop index if exists "intake"."application_division_code_created_at_index";`);
  }
}
