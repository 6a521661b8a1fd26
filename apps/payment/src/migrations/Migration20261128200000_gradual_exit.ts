import { Migration } from '@mikro-orm/migrations';

/** A stop after a gradual exit (渐退) records how many months the benefit went on before it. */
export class Migration20261128200000_gradual_exit extends Migration {
  override up(): void {
    this.addSql(
      `alter table "payment"."enrolment_change" add column if not exists "gradual_exit_months" smallint null;`,
    );
  }

  override down(): void {
    this.addSql(`alter table "payment"."enrolment_change" drop column if exists "gradual_exit_months";`);
  }
}
