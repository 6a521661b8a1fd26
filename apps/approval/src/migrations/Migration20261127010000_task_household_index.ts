import { Migration } from '@mikro-orm/migrations';

/** A household's steps are listed for its dossier. */
export class Migration20261127010000_task_household_index extends Migration {
  override up(): void {
    this.addSql(`create index if not exists "task_household_id_index" on "approval"."task" ("household_id");`);
  }
}
