import { Migration } from '@mikro-orm/migrations';

/** Who signed for an open task (签收), and when. */
export class Migration20261128170000_task_claim extends Migration {
  override up(): void {
    this.addSql(`alter table "approval"."task"
      add column if not exists "claimed_by" varchar(100) null,
      add column if not exists "claimed_at" timestamptz null;`);
  }

  override down(): void {
    this.addSql(
      `alter table "approval"."task" drop column if exists "claimed_by", drop column if exists "claimed_at";`,
    );
  }
}
