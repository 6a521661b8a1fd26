import { Migration } from '@mikro-orm/migrations';

/** Why an enrolment's next review is due sooner than its cycle (a change in the household); null: the cycle. */
export class Migration20261128180000_review_reason extends Migration {
  override up(): void {
    this.addSql(`alter table "payment"."enrolment" add column if not exists "next_review_reason" varchar(100) null;`);
  }

  override down(): void {
    this.addSql(`alter table "payment"."enrolment" drop column if exists "next_review_reason";`);
  }
}
