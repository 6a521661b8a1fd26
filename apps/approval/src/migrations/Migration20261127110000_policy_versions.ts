import { Migration } from '@mikro-orm/migrations';

/**
 * Approval policies as published versions: who published each, on what basis, under which key, and who closed
 * it; periods of a division never overlap.
 */
export class Migration20261127110000_policy_versions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists btree_gist;`);
    this.addSql(
      `alter table "approval"."approval_policy" add column "idempotency_key" varchar(128) null, add column "reason" varchar(300) null, add column "created_by" varchar(100) null, add column "closed_by" varchar(100) null;`,
    );
    this.addSql(
      `alter table "approval"."approval_policy" add constraint "approval_policy_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(
      `alter table "approval"."approval_policy" add constraint "approval_policy_no_overlap" exclude using gist ("division_code" with =, daterange("effective_from", "effective_to", '[]') with &&);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "approval"."approval_policy" drop constraint if exists "approval_policy_no_overlap";`);
    this.addSql(
      `alter table "approval"."approval_policy" drop constraint if exists "approval_policy_idempotency_key_unique";`,
    );
    this.addSql(
      `alter table "approval"."approval_policy" drop column "idempotency_key", drop column "reason", drop column "created_by", drop column "closed_by";`,
    );
  }
}
