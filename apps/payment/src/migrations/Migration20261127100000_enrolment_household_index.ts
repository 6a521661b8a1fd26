import { Migration } from '@mikro-orm/migrations';

/**
 * A household's enrolments by household, newest first: the dossier's benefit section asks for them on every read,
 * and the partial unique index holds only open enrolments, so without this the question scanned every enrolment
 * (found by the dossier benchmark over 1,000,000 enrolments).
 */
export class Migration20261127100000_enrolment_household_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index if not exists "enrolment_household_id_created_at_index" on "payment"."enrolment" ("household_id", "created_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "payment"."enrolment_household_id_created_at_index";`);
  }
}
