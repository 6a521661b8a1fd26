import { Migration } from '@mikro-orm/migrations';

/** A task says which year's holiday calendar its application's overall due date waits for, as for its own. */
export class Migration20261128120000_task_overall_calendar_missing extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "approval"."task" add column "overall_calendar_missing_year" int null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "approval"."task" drop column "overall_calendar_missing_year";`);
  }
}
