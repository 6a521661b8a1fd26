import { Migration } from '@mikro-orm/migrations';

/** Borrowing requests (查借阅): staff outside a file's division ask, an archivist there decides, for N days. */
export class Migration20261127012000_borrowing extends Migration {
  override up(): void {
    this.addSql(`create table "archive"."borrow_request" ("id" uuid not null, "created_at" timestamptz not null,
      "updated_at" timestamptz not null, "idempotency_key" varchar(200) not null, "file_id" uuid not null,
      "requester_id" varchar(64) not null, "requested_by" varchar(100) not null,
      "requester_division" varchar(12) not null, "purpose" varchar(200) not null, "days" int not null,
      "status" varchar(12) not null, "decided_by" varchar(100) null, "decided_at" timestamptz null,
      "note" varchar(300) null, "expires_at" timestamptz null, constraint "borrow_request_pkey" primary key ("id"));`);
    this.addSql(
      `alter table "archive"."borrow_request" add constraint "borrow_request_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(
      `create index "borrow_request_requester_id_file_id_index" on "archive"."borrow_request" ("requester_id", "file_id");`,
    );
    this.addSql(
      `alter table "archive"."borrow_request" add constraint "borrow_request_file_id_foreign" foreign key ("file_id") references "archive"."archive_file" ("id") on update cascade;`,
    );
  }
}
