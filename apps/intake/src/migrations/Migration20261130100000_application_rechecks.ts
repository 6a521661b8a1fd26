import { Migration } from '@mikro-orm/migrations';

/** Re-checks of a disputed data check (核对结果复查) on the application they concern. */
export class Migration20261130100000_application_rechecks extends Migration {
  override up(): void {
    this.addSql(`alter table "intake"."application" add column if not exists "rechecks" jsonb not null default '[]';`);
  }

  override down(): void {
    this.addSql(`alter table "intake"."application" drop column if exists "rechecks";`);
  }
}
