import { Migration } from '@mikro-orm/migrations';

/** What a decision on a task must carry besides the opinion (survey record, appraisal minutes, home visit), and why. */
export class Migration20261130090000_task_requirements extends Migration {
  override up(): void {
    this.addSql(`alter table "approval"."task" add column if not exists "requirements" jsonb not null default '[]';`);
  }

  override down(): void {
    this.addSql(`alter table "approval"."task" drop column if exists "requirements";`);
  }
}
