import { Migration } from '@mikro-orm/migrations';

/** Applications move through review to an outcome: IN_REVIEW, APPROVED, REJECTED. */
export class Migration20261126175608_application_review_statuses extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "intake"."application" drop constraint if exists "application_status_check";`);
    this.addSql(
      `alter table "intake"."application" add constraint "application_status_check" check("status" in ('DRAFT', 'SUBMITTED', 'RECEIVED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'WITHDRAWN'));`,
    );
  }
}
