import { Migration } from '@mikro-orm/migrations';

/** An application can end terminated: the applicant did not cooperate with the survey or the data check. */
export class Migration20261127140000_application_terminated extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "intake"."application" drop constraint if exists "application_status_check";`);
    this.addSql(
      `alter table "intake"."application" add constraint "application_status_check" check("status" in ('DRAFT', 'SUBMITTED', 'RECEIVED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'TERMINATED', 'WITHDRAWN'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "intake"."application" drop constraint if exists "application_status_check";`);
    this.addSql(
      `alter table "intake"."application" add constraint "application_status_check" check("status" in ('DRAFT', 'SUBMITTED', 'RECEIVED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'WITHDRAWN'));`,
    );
  }
}
