import { Migration } from '@mikro-orm/migrations';

/** A case whose outcome leaves the county to decide again names the application it decides on, who and when. */
export class Migration20261201100000_appeal_redecision extends Migration {
  override up(): void {
    this.addSql(`alter table "approval"."appeal"
      add column if not exists "redecision_application_id" uuid null,
      add column if not exists "redecided_by" varchar(100) null,
      add column if not exists "redecided_at" timestamptz null;`);
  }

  override down(): void {
    this.addSql(`alter table "approval"."appeal"
      drop column if exists "redecision_application_id",
      drop column if exists "redecided_by",
      drop column if exists "redecided_at";`);
  }
}
