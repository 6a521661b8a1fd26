import { Migration } from '@mikro-orm/migrations';

/**
 * The access log's chain is extended by the database as each entry is inserted: under the chain's advisory lock
 * (held to the end of the inserting transaction, so appends from every gateway replica stay linear) the trigger
 * numbers the entry after the last one and sets prev_hash and hash = sha256(prev_hash ‖ JSON array of the fields in
 * the fixed order of access-log-chain.ts) — the same hash the gateway verifies. An append is then one statement
 * (one round trip, one commit) instead of lock, read, insert and commit.
 */
export class Migration20261127120000_access_log_chain_trigger extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function "identity"."access_log_chain"() returns trigger language plpgsql as $$
      declare
        last record;
      begin
        perform pg_advisory_xact_lock(7310421);
        select seq, hash into last from "identity"."access_log" order by seq desc limit 1;
        new.seq := coalesce(last.seq, 0) + 1;
        new.prev_hash := coalesce(last.hash, repeat('0', 64));
        new.hash := encode(sha256(convert_to(new.prev_hash || '[' || concat_ws(',',
          to_json(new.seq::text)::text,
          to_json(to_char(new.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text,
          to_json(new.actor_id::text)::text, to_json(new.actor_username::text)::text,
          to_json(new.actor_roles::text)::text, to_json(new.actor_division::text)::text,
          to_json(new.action::text)::text, to_json(new.record_type::text)::text, to_json(new.record_id::text)::text,
          to_json(new.record_division::text)::text, to_json(new.purpose::text)::text,
          to_json(new.client_ip::text)::text, to_json(new.correlation_id::text)::text) || ']', 'UTF8')), 'hex');
        return new;
      end $$;`);
    this.addSql(`create trigger "access_log_chain" before insert on "identity"."access_log"
      for each row execute function "identity"."access_log_chain"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "access_log_chain" on "identity"."access_log";`);
    this.addSql(`drop function if exists "identity"."access_log_chain"();`);
  }
}
