import { Migration } from '@mikro-orm/migrations';

export class Migration20261126152650_households extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "intake"."person" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "id_number" varchar(18) not null, "id_kind" varchar(32) not null, "name" varchar(50) not null, "name_grams" text[] not null, "sex" varchar(1) not null, "birth_date" date not null, constraint "person_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "intake"."person" add constraint "person_id_number_unique" unique ("id_number");`);
    this.addSql(`create index "person_name_grams_index" on "intake"."person" using gin ("name_grams");`);

    this.addSql(
      `create table "intake"."household_member" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "household_id" uuid not null, "person_id" uuid not null, "relationship" varchar(2) not null, "is_head" boolean not null, "disability_grade" smallint null, "health" varchar(20) not null, "work_capacity" varchar(10) not null, "schooling" varchar(20) not null, "hukou_household_no" varchar(20) null, "hukou_type" varchar(20) null, "active" boolean not null default true, constraint "household_member_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "household_member_household_id_index" on "intake"."household_member" ("household_id");`);
    this.addSql(`create index "household_member_person_id_index" on "intake"."household_member" ("person_id");`);

    this.addSql(
      `alter table "intake"."household_member" add constraint "household_member_household_id_foreign" foreign key ("household_id") references "intake"."household" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "intake"."household_member" add constraint "household_member_person_id_foreign" foreign key ("person_id") references "intake"."person" ("id") on update cascade;`,
    );

    // Households get a stable number from a sequence; existing rows are numbered in creation order.
    this.addSql(`create sequence "intake"."household_no_seq";`);
    this.addSql(
      `alter table "intake"."household" add column "household_no" varchar(32) null, add column "status" varchar(16) not null default 'APPLYING', add column "address" varchar(200) null, add column "idempotency_key" varchar(128) null, add column "request_hash" varchar(64) null;`,
    );
    this
      .addSql(`update "intake"."household" h set "household_no" = 'HH-' || h."division_code" || '-' || lpad(nextval('"intake"."household_no_seq"')::text, 7, '0')
      from (select id from "intake"."household" order by created_at) o where o.id = h.id;`);
    this.addSql(`alter table "intake"."household" alter column "household_no" set not null;`);
    this.addSql(
      `alter table "intake"."household" add constraint "household_household_no_unique" unique ("household_no");`,
    );
    this.addSql(`create index "household_division_code_index" on "intake"."household" ("division_code");`);
    this.addSql(
      `alter table "intake"."household" add constraint "household_idempotency_key_unique" unique ("idempotency_key");`,
    );

    // The heads recorded on the placeholder households become persons and head members.
    this
      .addSql(`insert into "intake"."person" (id, created_at, updated_at, id_number, id_kind, name, name_grams, sex, birth_date)
      select gen_random_uuid(), now(), now(), h.head_id_number, 'CITIZEN', h.head_name,
             array(select distinct g from (
               select substr(h.head_name, i, 1) as g from generate_series(1, char_length(h.head_name)) i
               union select substr(h.head_name, i, 2) from generate_series(1, char_length(h.head_name) - 1) i) grams),
             case when substr(h.head_id_number, 17, 1)::int % 2 = 1 then 'M' else 'F' end,
             to_date(substr(h.head_id_number, 7, 8), 'YYYYMMDD')
        from "intake"."household" h;`);
    this
      .addSql(`insert into "intake"."household_member" (id, created_at, updated_at, household_id, person_id, relationship, is_head, health, work_capacity, schooling, active)
      select gen_random_uuid(), now(), now(), h.id, p.id, '02', true, 'HEALTHY', 'FULL', 'NONE', true
        from "intake"."household" h join "intake"."person" p on p.id_number = h.head_id_number;`);
    this.addSql(`alter table "intake"."household" drop constraint "household_head_id_number_unique";`);
    this.addSql(`alter table "intake"."household" drop column "head_id_number", drop column "head_name";`);

    // One person, one active dibao household.
    this.addSql(
      `create unique index "household_member_one_active" on "intake"."household_member" ("person_id") where "active";`,
    );
  }
}
