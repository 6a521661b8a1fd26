import { Migration } from '@mikro-orm/migrations';

/** A change of an enrolment names the decision filed into the household file (none for the enrolment itself). */
export class Migration20261128150000_enrolment_change_document extends Migration {
  override up(): void {
    this.addSql(`alter table "payment"."enrolment_change" add column if not exists "document_id" uuid null;`);
  }

  override down(): void {
    this.addSql(`alter table "payment"."enrolment_change" drop column if exists "document_id";`);
  }
}
