import { Migration } from '@mikro-orm/migrations';

/** A change of the account a benefit is paid into (收款账户变更) records the payee before and after. */
export class Migration20261129100000_payee_change extends Migration {
  override up(): void {
    this.addSql(`alter table "payment"."enrolment_change" add column if not exists "payee" jsonb null;`);
  }

  override down(): void {
    this.addSql(`alter table "payment"."enrolment_change" drop column if exists "payee";`);
  }
}
