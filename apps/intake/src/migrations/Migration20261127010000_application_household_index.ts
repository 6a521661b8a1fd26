import { Migration } from '@mikro-orm/migrations';

/** A household's applications are listed for its dossier. */
export class Migration20261127010000_application_household_index extends Migration {
  override up(): void {
    this.addSql(
      `create index if not exists "application_household_id_index" on "intake"."application" ("household_id");`,
    );
  }
}
