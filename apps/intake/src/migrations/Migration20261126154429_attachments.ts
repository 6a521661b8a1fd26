import { Migration } from '@mikro-orm/migrations';

export class Migration20261126154429_attachments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "intake"."application_attachment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "application_id" uuid not null, "evidence_type" varchar(32) not null, "sha256" varchar(64) not null, "size_bytes" bigint not null, "media_type" varchar(40) not null, "original_name" varchar(200) not null, "uploaded_by" varchar(64) not null, constraint "application_attachment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "intake"."application_attachment" add constraint "application_attachment_application_id_evidence_ty_c85df_unique" unique ("application_id", "evidence_type", "sha256");`,
    );

    this.addSql(
      `alter table "intake"."application_attachment" add constraint "application_attachment_application_id_foreign" foreign key ("application_id") references "intake"."application" ("id") on update cascade;`,
    );
  }
}
