import { Migration } from '@mikro-orm/migrations';

/** A case's status is whether it is closed (`closed_at`): the column that repeated it goes. */
export class Migration20261130180000_appeal_status_derived extends Migration {
  override up(): void {
    this.addSql(`alter table "approval"."appeal" drop column if exists "status";`);
  }

  override down(): void {
    this.addSql(
      `alter table "approval"."appeal" add column if not exists "status" varchar(8) not null default 'OPEN';`,
    );
    this.addSql(`update "approval"."appeal" set "status" = 'CLOSED' where "closed_at" is not null;`);
  }
}
