import { Migration } from '@mikro-orm/migrations';

export class Migration20261126140000_approval_schema extends Migration {
  override async up(): Promise<void> {
    this.addSql('create schema if not exists "approval";');
  }
}
