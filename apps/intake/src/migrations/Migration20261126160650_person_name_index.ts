import { Migration } from '@mikro-orm/migrations';

export class Migration20261126160650_person_name_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "person_name_index" on "intake"."person" ("name");`);
  }
}
