import { Migration } from '@mikro-orm/migrations';

/** An application made to decide again after a reconsideration or court case names the case and its predecessor. */
export class Migration20261201100000_application_redecision extends Migration {
  override up(): void {
    this.addSql(`alter table "intake"."application" add column if not exists "redecision" jsonb null;`);
  }

  override down(): void {
    this.addSql(`alter table "intake"."application" drop column if exists "redecision";`);
  }
}
