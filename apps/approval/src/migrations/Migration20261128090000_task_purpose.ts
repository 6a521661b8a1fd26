import { Migration } from '@mikro-orm/migrations';

/**
 * A task is a decision or the delivery of a refusal/termination notice; the township's delivery task and its
 * review task of the same attempt are two rows, so the purpose joins the task's natural key.
 */
export class Migration20261128090000_task_purpose extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "approval"."task" add column "purpose" varchar(16) not null default 'DECISION';`);
    this.addSql(`alter table "approval"."task" drop constraint "task_workflow_id_stage_attempt_unique";`);
    this.addSql(
      `alter table "approval"."task" add constraint "task_workflow_id_stage_purpose_attempt_unique" unique ("workflow_id", "stage", "purpose", "attempt");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "approval"."task" drop constraint "task_workflow_id_stage_purpose_attempt_unique";`);
    this.addSql(`delete from "approval"."task" where "purpose" <> 'DECISION';`);
    this.addSql(
      `alter table "approval"."task" add constraint "task_workflow_id_stage_attempt_unique" unique ("workflow_id", "stage", "attempt");`,
    );
    this.addSql(`alter table "approval"."task" drop column "purpose";`);
  }
}
