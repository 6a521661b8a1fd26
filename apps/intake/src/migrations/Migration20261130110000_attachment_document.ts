import { Migration } from '@mikro-orm/migrations';

/** The household-file item of evidence filed at upload (an application already accepted). */
export class Migration20261130110000_attachment_document extends Migration {
  override up(): void {
    this.addSql(`alter table "intake"."application_attachment" add column if not exists "document_id" uuid null;`);
  }

  override down(): void {
    this.addSql(`alter table "intake"."application_attachment" drop column if exists "document_id";`);
  }
}
