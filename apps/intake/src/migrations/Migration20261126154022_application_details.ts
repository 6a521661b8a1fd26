import { Migration } from '@mikro-orm/migrations';

export class Migration20261126154022_application_details extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "intake"."application" drop constraint if exists "application_status_check";`);

    this.addSql(
      `alter table "intake"."application" add column "details" jsonb null, add column "conflict_of_interest" boolean not null default false, add column "withdrawn_reason" varchar(500) null;`,
    );
    this.addSql(
      `alter table "intake"."application" alter column "submitted_at" type timestamptz using ("submitted_at"::timestamptz);`,
    );
    this.addSql(`alter table "intake"."application" alter column "submitted_at" drop not null;`);
    this.addSql(
      `alter table "intake"."application" add constraint "application_status_check" check("status" in ('DRAFT', 'SUBMITTED', 'RECEIVED', 'WITHDRAWN'));`,
    );
  }
}
