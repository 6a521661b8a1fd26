import { Migration } from '@mikro-orm/migrations';

/** The one-time notice of missing materials (一次性告知) given before acceptance, and the key it was given under. */
export class Migration20261128100000_application_materials_notice extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "intake"."application" add column "materials_notice" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "intake"."application" drop column "materials_notice";`);
  }
}
