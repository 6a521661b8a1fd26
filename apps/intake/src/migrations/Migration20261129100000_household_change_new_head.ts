import { Migration } from '@mikro-orm/migrations';

/** A head leaving names who heads the household since (变更户主). */
export class Migration20261129100000_household_change_new_head extends Migration {
  override up(): void {
    this.addSql(`alter table "intake"."household_change" add column if not exists "new_head_person_id" uuid null;`);
  }

  override down(): void {
    this.addSql(`alter table "intake"."household_change" drop column if exists "new_head_person_id";`);
  }
}
