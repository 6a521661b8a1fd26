import { Migration } from '@mikro-orm/migrations';

import { fileGenesisHash, householdFileCode, itemCode, itemEntryHash } from '@app/domain';

/**
 * The arrangement (reference codes, cabinet and box, archive class, pages), the hash chain of each household
 * file, corrections that supersede, fixity checks, and append-only rules enforced by the database. Files and
 * items that exist already get their codes and chain here (legacy items: page count unknown).
 */
export class Migration20261127003000_arrangement_fixity extends Migration {
  override async up(): Promise<void> {
    await this.execute(`alter table "archive"."archive_file"
      add column "reference_code" varchar(60), add column "fonds_code" varchar(6), add column "opened_year" int,
      add column "box_seq" int, add column "cabinet_code" varchar(9), add column "head_hash" varchar(64),
      add column "page_count" int not null default 0`);
    await this.execute(`create table "archive"."box_sequence" ("box_code" varchar(12) not null, "year" int not null,
      "last_seq" int not null, constraint "box_sequence_pkey" primary key ("box_code", "year"))`);
    await this.execute(`alter table "archive"."document"
      add column "reference_code" varchar(70), add column "archive_class" varchar(20), add column "page_count" int,
      add column "entry_hash" varchar(64), add column "supersedes_id" uuid`);

    // Codes for the files opened before: numbered in their box and year in the order they were opened.
    const files = await this.execute(`select id, division_code,
        extract(year from created_at at time zone 'Asia/Shanghai')::int as year,
        row_number() over (partition by division_code, extract(year from created_at at time zone 'Asia/Shanghai')
                           order by created_at, id)::int as seq
      from "archive"."archive_file"`);
    for (const file of files as Array<{ id: string; division_code: string; year: number; seq: number }>) {
      const code = householdFileCode({ communityCode: file.division_code, year: file.year, seq: file.seq });
      await this.execute(
        `update "archive"."archive_file" set reference_code = ?, fonds_code = ?, opened_year = ?, box_seq = ?,
           cabinet_code = ?, head_hash = ? where id = ?`,
        [
          code,
          file.division_code.slice(0, 6),
          file.year,
          file.seq,
          file.division_code.slice(0, 9),
          fileGenesisHash(code),
          file.id,
        ],
      );
    }
    await this.execute(`insert into "archive"."box_sequence" (box_code, year, last_seq)
      select division_code, opened_year, max(box_seq) from "archive"."archive_file" group by 1, 2`);

    const items = (await this.execute(`select d.*, f.reference_code as file_code, f.division_code as file_division
      from "archive"."document" d join "archive"."archive_file" f on f.id = d.file_id
      order by d.file_id, d.item_no`)) as Array<Record<string, unknown>>;
    let currentFile = '';
    let prev = '';
    for (const row of items) {
      const fileCode = row.file_code as string;
      if (row.file_id !== currentFile) {
        currentFile = row.file_id as string;
        prev = fileGenesisHash(fileCode);
      }
      const code = itemCode(fileCode, row.item_no as number);
      prev = itemEntryHash(prev, {
        fileCode,
        itemNo: row.item_no as number,
        itemCode: code,
        householdId: row.household_id as string,
        applicationId: row.application_id as string,
        divisionCode: row.file_division as string,
        documentType: row.document_type as string,
        archiveClass: 'APPROVAL',
        title: row.title as string,
        mediaType: row.media_type as string,
        sha256: row.sha256 as string,
        sizeBytes: Number(row.size_bytes),
        pageCount: null,
        workflowId: row.workflow_id as string,
        step: row.step as string,
        createdBy: row.created_by as string,
        filedAt: new Date(row.filed_at as string).toISOString(),
        supersedesItemNo: null,
      });
      await this.execute(
        `update "archive"."document" set reference_code = ?, archive_class = 'APPROVAL', entry_hash = ? where id = ?`,
        [code, prev, row.id],
      );
      await this.execute(`update "archive"."archive_file" set head_hash = ? where id = ?`, [prev, currentFile]);
    }

    await this.execute(`alter table "archive"."archive_file"
      alter column "reference_code" set not null, alter column "fonds_code" set not null,
      alter column "opened_year" set not null, alter column "box_seq" set not null,
      alter column "cabinet_code" set not null, alter column "head_hash" set not null,
      add constraint "archive_file_reference_code_unique" unique ("reference_code"),
      add constraint "archive_file_box_seq_unique" unique ("division_code", "opened_year", "box_seq")`);
    await this.execute(`alter table "archive"."document"
      alter column "reference_code" set not null, alter column "archive_class" set not null,
      alter column "entry_hash" set not null,
      add constraint "document_reference_code_unique" unique ("reference_code"),
      add constraint "document_supersedes_id_unique" unique ("supersedes_id")`);

    await this.execute(`create table "archive"."fixity_sweep" ("id" uuid not null, "created_at" timestamptz not null,
      "updated_at" timestamptz not null, "started_at" timestamptz not null, "finished_at" timestamptz null,
      "scope" varchar(12) not null, "started_by" varchar(100) not null, "files_checked" int not null default 0,
      "files_with_problems" int not null default 0, "items_checked" int not null default 0,
      constraint "fixity_sweep_pkey" primary key ("id"))`);
    await this.execute(`create table "archive"."fixity_check" ("id" uuid not null, "created_at" timestamptz not null,
      "updated_at" timestamptz not null, "file_id" uuid not null,
      "checked_at" timestamptz not null, "trigger" varchar(12) not null, "checked_by" varchar(100) not null,
      "items_checked" int not null, "ok" boolean not null, "problems" jsonb not null,
      "sweep_id" uuid null, constraint "fixity_check_pkey" primary key ("id"))`);
    await this.execute(`alter table "archive"."fixity_check"
      add constraint "fixity_check_file_id_foreign" foreign key ("file_id") references "archive"."archive_file" ("id") on update cascade,
      add constraint "fixity_check_sweep_id_foreign" foreign key ("sweep_id") references "archive"."fixity_sweep" ("id") on update cascade on delete set null`);
    await this.execute(
      `create index "fixity_check_file_id_checked_at_index" on "archive"."fixity_check" ("file_id", "checked_at")`,
    );

    // Items are never updated or deleted; a file is never deleted and keeps its code, place and numbering.
    await this
      .execute(`create or replace function "archive"."refuse_item_change"() returns trigger language plpgsql as $$
      begin
        raise exception 'archive items are append-only: % refused', tg_op using errcode = 'P0001';
      end $$`);
    await this.execute(`create trigger "document_append_only" before update or delete on "archive"."document"
      for each row execute function "archive"."refuse_item_change"()`);
    await this
      .execute(`create or replace function "archive"."guard_file_change"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'archive files are never deleted' using errcode = 'P0001';
        end if;
        if new.reference_code <> old.reference_code or new.household_id <> old.household_id
           or new.division_code <> old.division_code or new.opened_year <> old.opened_year
           or new.box_seq <> old.box_seq or new.fonds_code <> old.fonds_code or new.cabinet_code <> old.cabinet_code
           or new.item_count < old.item_count then
          raise exception 'an archive file keeps its code, place and items' using errcode = 'P0001';
        end if;
        return new;
      end $$`);
    await this.execute(`create trigger "archive_file_guard" before update or delete on "archive"."archive_file"
      for each row execute function "archive"."guard_file_change"()`);
  }
}
