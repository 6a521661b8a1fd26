/**
 * The set-based statements of the payroll. Each runs once per chunk or month, never per household, and each is
 * idempotent: the unique (household, month) constraint and the "not batched yet" conditions make a re-run add
 * nothing.
 */

/** Active enrolments per bank in a month, less those held: how many batches each bank's lines need. */
export const PLAN = `
  select e.bank_code, count(*)::int as lines
    from payment.enrolment_term t
    join payment.enrolment e on e.id = t.enrolment_id
   where t.state = 'ACTIVE' and t.from_month <= ?::date and (t.to_month is null or t.to_month > ?::date)
     and t.base_fen + t.supplement_fen > 0 and e.payee_held_since is null
   group by e.bank_code`;

/**
 * One line per enrolment whose term covering the month is active and pays something; enrolment ids in
 * [lo, hi]. Where the plan gives the bank's number of batches, the line is written straight into one of them,
 * so no second pass over a million rows is needed to batch them: batch i of a bank takes the i-th slice of the
 * enrolment id space, and rows are written in id order, so a batch's lines sit together on disk (the bank's
 * results then update a few hundred pages, not ten thousand).
 *
 * An enrolment whose payee is held (its card cannot receive, see PAYEE_HOLD_FAILURES) gets its line all the same,
 * as HELD and in no batch: the month is owed, and goes to the bank once the payee is changed (EnrolmentPayeesService).
 *
 * `into` is the month's table while it is still being loaded (no index yet, see SEAL_LEDGER_MONTH), or the ledger
 * itself once the month is sealed — then a line the month already has is skipped by the unique constraint.
 */
export function generateLines(into: string, sealed: boolean): string {
  return `
  insert into ${into}
    (month, enrolment_id, household_id, division_code, bank_code, account_no, account_name,
     base_fen, supplement_fen, amount_fen, status, batch_id)
  select ?::date, e.id, e.household_id, e.division_code, e.bank_code, e.account_no, e.head_name,
         t.base_fen, t.supplement_fen, t.base_fen + t.supplement_fen,
         case when e.payee_held_since is null then 'PENDING' else 'HELD' end,
         case when e.payee_held_since is null and (?::jsonb ->> e.bank_code) is not null
              then ? || e.bank_code || '-' || lpad((1 + (('x' || substr(e.id::text, 1, 8))::bit(32)::bigint
                     * (?::jsonb ->> e.bank_code)::int >> 32))::text, 4, '0')
         end
    from payment.enrolment_term t
    join payment.enrolment e on e.id = t.enrolment_id
   where t.state = 'ACTIVE'
     and t.from_month <= ?::date and (t.to_month is null or t.to_month > ?::date)
     and t.base_fen + t.supplement_fen > 0
     and t.enrolment_id >= ?::uuid and t.enrolment_id <= ?::uuid
   order by t.enrolment_id
  ${sealed ? 'on conflict (household_id, month) do nothing' : ''}`;
}

/**
 * Failed lines of earlier cycles go into this cycle's batches again (recorded as CARRIED) — once: a line that
 * failed on its first attempt is carried to the next cycle; failing again (or after a re-issue), it waits for
 * finance to correct the account and re-issue it, instead of going to a closed account every month. A month owed
 * before a stop (a gradual exit's, say) is carried too. A line goes to the enrolment's payee as it is now (finance
 * may have moved the benefit to a new card since), and a line whose holder died (HOLDER_DECEASED) is never carried
 * to that card again: it waits for a re-issue to the new head's. Nothing is carried while the enrolment's payee is
 * held (its card cannot receive): once the payee is changed, the next cycle carries the line to the new card.
 */
export const CARRY_FAILED = `
  with due as (
    select l.id, l.month, l.account_no as old_account_no, l.failure_code,
           e.bank_code, e.account_no, e.head_name
      from payment.payroll_line l
      join payment.enrolment e on e.id = l.enrolment_id
     where (e.status <> 'TERMINATED' or l.month <= e.last_month) and e.payee_held_since is null
       and l.failure_code is not null and l.failure_code <> 'HOLDER_DECEASED'
       and l.status = 'FAILED' and l.attempt = 1
       and l.month < ?::date and l.batch_id < ?
       for update of l
  ), carried as (
    update payment.payroll_line l
       set status = 'PENDING', batch_id = null, attempt = l.attempt + 1,
           failure_code = null, failure_reason = null, settled_at = null,
           bank_code = d.bank_code, account_no = d.account_no, account_name = d.head_name
      from due d
     where l.id = d.id and l.month = d.month
    returning l.id)
  insert into payment.line_event
    (id, created_at, updated_at, line_id, kind, old_account_no, new_account_no, reason, actor_id, actor_name)
  select gen_random_uuid(), now(), now(), d.id, 'CARRIED', d.old_account_no,
         case when d.account_no <> d.old_account_no then d.account_no end,
         '上期发放失败（' || d.failure_code || '），结转本期'
           || case when d.account_no <> d.old_account_no then '，改付现收款账户' else '' end,
         'system', 'system'
    from due d join carried c on c.id = d.id`;

/**
 * HELD lines (months written while the payee was held) of enrolments no longer held go to the payee as it is now:
 * PENDING without a batch, so the cycle's batches take them (recorded as RELEASED, with the old and new account).
 * Run for one enrolment as its payee is changed, and by every cycle's batches for all (a line written held while
 * the payee was being changed, its month still loading, is caught there).
 */
export function releaseHeld(scope: 'enrolment' | 'cycle'): string {
  return `
  with due as (
    select l.id, l.month, l.account_no as old_account_no, e.bank_code, e.account_no, e.head_name
      from payment.payroll_line l
      join payment.enrolment e on e.id = l.enrolment_id
     where l.batch_id is null and l.status = 'HELD' and e.payee_held_since is null
       and ${scope === 'enrolment' ? 'l.enrolment_id = ?' : 'l.month <= ?::date'}
       for update of l
  ), released as (
    update payment.payroll_line l
       set status = 'PENDING', bank_code = d.bank_code, account_no = d.account_no, account_name = d.head_name
      from due d
     where l.id = d.id and l.month = d.month
    returning l.id)
  insert into payment.line_event
    (id, created_at, updated_at, line_id, kind, old_account_no, new_account_no, reason, actor_id, actor_name)
  select gen_random_uuid(), now(), now(), d.id, 'RELEASED', d.old_account_no, d.account_no,
         '收款账户已变更，暂缓发放的月份随下次发放付至现收款账户', ?, ?
    from due d join released r on r.id = d.id`;
}

/** Numbers the cycle's unbatched lines per bank (by community, then id) into batches of a fixed size. */
export const ASSIGN_BATCHES = `
  with last as (
    select bank_code, max(seq) as seq from payment.payment_batch
     where month = ?::date and kind = 'REGULAR' group by bank_code
  ), numbered as (
    select l.id, l.bank_code,
           coalesce(last.seq, 0) + 1 + (row_number() over (partition by l.bank_code order by l.division_code, l.id) - 1) / ? as seq
      from payment.payroll_line l
      left join last on last.bank_code = l.bank_code
     where l.batch_id is null and l.status = 'PENDING' and l.month <= ?::date
  )
  update payment.payroll_line l
     set batch_id = ? || '-' || n.bank_code || '-' || lpad(n.seq::text, 4, '0')
    from numbered n
   where l.id = n.id`;

/** A batch row for every batch id of the cycle that has none yet. */
export const INSERT_BATCHES = `
  insert into payment.payment_batch (id, month, bank_code, seq, kind, status, line_count, total_fen, created_at)
  select l.batch_id, ?::date, l.bank_code, split_part(l.batch_id, '-', 3)::int, 'REGULAR', 'READY',
         count(*), sum(l.amount_fen), now()
    from payment.payroll_line l
   where l.batch_id >= ? and l.batch_id < ?
     and not exists (select 1 from payment.payment_batch b where b.id = l.batch_id)
   group by l.batch_id, l.bank_code
  on conflict (id) do nothing`;

/**
 * Lines of a month by status, per bank, per county and in total (grouping sets), within a division. The lines are
 * first counted per (bank, county, status) — a handful of groups, hashed in parallel over the partition — and the
 * grouping sets are taken over those (grouping sets over the lines themselves sorted a million rows: 4× as long).
 */
export const STATEMENT = `
  with fine as (
    select bank_code, left(division_code, 6) as county, status, count(*)::int as lines,
           coalesce(sum(amount_fen), 0)::bigint as fen
      from payment.payroll_line
     where month = ?::date and division_code like ?
     group by bank_code, left(division_code, 6), status)
  select grouping(bank_code) as g_bank, grouping(county) as g_county, bank_code, county, status,
         sum(lines)::int as lines, sum(fen)::bigint as fen
    from fine
   group by grouping sets ((bank_code, status), (county, status), (status))`;

/** The month's table of the ledger, payroll_line_YYYYMM in schema payment_ledger. */
export const ledgerMonthName = (month: string): string => `payroll_line_${month.replace('-', '')}`;

export const partitionName = (month: string): string => `"payment_ledger"."${ledgerMonthName(month)}"`;

/** Whether the month's table exists and whether it is a partition of the ledger yet (sealed). */
export const LEDGER_MONTH_STATE = `
  select c.relispartition as sealed
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'payment_ledger' and c.relname = ?`;

/**
 * The month's table while its lines are loaded: the ledger's columns, defaults (the line number's sequence) and
 * checks, the month's bounds as a check (so attaching it need not scan it), room for results — and no index, which
 * is what makes a million-row insert cheap. Nobody reads it before it is sealed. A bank's post of results updates
 * a page's lines in one statement, whose old versions stay until it commits: a page must hold a second version of
 * most of its lines for the update to stay in place (HOT, no index touched). At fillfactor 70 about a quarter of
 * the updates found no room and wrote three index entries each (the ingest of a million results 12–13 s, most of
 * it PostgreSQL); at 55, 92–98 % are HOT and it takes 9–10 s, and the month's table ends hardly larger (327 MB
 * against 319 MB for a million lines with their results: the updates that found no room had grown it too).
 */
export function createLedgerMonth(month: string, next: string): string {
  return `create table ${partitionName(month)}
    (like "payment"."payroll_line" including defaults including constraints,
     constraint "${ledgerMonthName(month)}_month_check" check (month >= '${month}-01' and month < '${next}-01'))
    with (fillfactor = 55)`;
}

/**
 * Seals a loaded month: builds its indexes in one pass each (sorted, not row by row) and attaches it to the ledger,
 * whose identical indexes, unique constraint and no-delete trigger then hold for it. A household twice in the month
 * fails the unique constraint here, and the month stays unsealed: never paid twice.
 */
export function sealLedgerMonth(month: string, next: string): string[] {
  const table = partitionName(month);
  const name = ledgerMonthName(month);
  return [
    `alter table ${table} add constraint "${name}_pkey" primary key (id, month)`,
    `alter table ${table} add constraint "${name}_household_id_month_key" unique (household_id, month)`,
    `create index "${name}_batch_id_id_idx" on ${table} (batch_id, id)`,
    `create index "${name}_failed_idx" on ${table} (month) where failure_code is not null`,
    `create index "${name}_unbatched_idx" on ${table} (month) where batch_id is null`,
    `alter table "payment"."payroll_line" attach partition ${table} for values from ('${month}-01') to ('${next}-01')`,
  ];
}
