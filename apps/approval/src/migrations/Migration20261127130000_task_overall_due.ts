import { Migration } from '@mikro-orm/migrations';

/** Each task carries its application's overall due date (30/45 working days from acceptance) for the inbox. */
export class Migration20261127130000_task_overall_due extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "approval"."task" add column "overall_due_date" date null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "approval"."task" drop column "overall_due_date";`);
  }
}
