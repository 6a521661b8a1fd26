import { Migration } from '@mikro-orm/migrations';

/** The supervision figures count the decisions of a period. */
export class Migration20261128140000_task_decided_at_index extends Migration {
  override up(): void {
    this.addSql(`create index if not exists "task_decided_at_index" on "approval"."task" ("decided_at");`);
  }

  override down(): void {
    this.addSql(`drop index if exists "approval"."task_decided_at_index";`);
  }
}
