import { Migration } from '@mikro-orm/migrations';

/**
 * A benefit whose card can no longer receive (the bank: holder deceased, account closed or not found) is held:
 * its months are written as HELD lines, sent to no bank, until the payee is changed.
 */
export class Migration20261130130000_payee_hold extends Migration {
  override up(): void {
    this.addSql(`alter table "payment"."enrolment" add column if not exists "payee_held_since" date null;`);
    this.addSql(`alter table "payment"."enrolment" add column if not exists "payee_hold_reason" varchar(100) null;`);
  }

  override down(): void {
    this.addSql(`alter table "payment"."enrolment" drop column if exists "payee_hold_reason";`);
    this.addSql(`alter table "payment"."enrolment" drop column if exists "payee_held_since";`);
  }
}
