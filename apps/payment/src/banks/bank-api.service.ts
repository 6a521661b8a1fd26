import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, type Knex, LockMode } from '@mikro-orm/postgresql';

import {
  type BankBatchLinesReply,
  type BankBatchLinesRequest,
  type BankBatchListReply,
  type BankBatchReply,
  type BankBatchRequest,
  type BankListBatchesRequest,
  type BankPostResultsReply,
  type BankPostResultsRequest,
  type BankStatementReply,
  type BankStatementRequest,
  type BatchStatus,
  ErrorCode,
  type FieldError,
  PAYEE_HOLD_FAILURES,
  type StatementTotals,
} from '@app/contracts';
import { beijingDate, reviewDueAfterMemberChange } from '@app/domain';
import { DomainError, sqlArray } from '@app/platform';

import { BankAuthService } from './bank-auth.service';
import { PaymentBatch } from '../payroll/payment-batch.entity';
import { addToTotals, cyclePrefix, emptyTotals } from '../payroll/payroll.service';

const NOT_FOUND_MESSAGE = '批次不存在或不属于本银行';

function toBatchReply(batch: PaymentBatch): BankBatchReply {
  return {
    batchId: batch.id,
    month: batch.month.slice(0, 7),
    bankCode: batch.bankCode,
    kind: batch.kind,
    status: batch.status,
    lineCount: batch.lineCount,
    totalFen: Number(batch.totalFen),
    createdAt: batch.createdAt.toISOString(),
    acknowledgedAt: batch.acknowledgedAt ? batch.acknowledgedAt.toISOString() : null,
    settledAt: batch.settledAt ? batch.settledAt.toISOString() : null,
  };
}

interface ResultProblem {
  line_id: number;
  problem: 'UNKNOWN_LINE' | 'AMOUNT' | 'CONFLICT';
}

interface ResultsOutcomeRow {
  accepted: string;
  unchanged: string;
  deceased: string;
  held: string;
  problems: ResultProblem[] | null;
  pending: boolean;
}

/** The failure codes that hold a payee, and their staff words, as SQL (constants, not input). */
const HOLD_CODES = Object.keys(PAYEE_HOLD_FAILURES)
  .map((code) => `'${code}'`)
  .join(', ');
const HOLD_LABEL = `case f.failure_code ${Object.entries(PAYEE_HOLD_FAILURES)
  .map(([code, label]) => `when '${code}' then '${label}'`)
  .join(' ')} end`;

/**
 * A bank's results in one statement, in one pass over the input: every pending line of the batch with its exact
 * amount is updated; only what that left over is looked at again — a result identical to the recorded one is
 * unchanged, anything else a problem (not of this batch, another amount, contradicting the recorded result).
 * The results come as one array per field (parsed by PostgreSQL in a fraction of the time json_to_recordset took).
 * A batch may hold lines of earlier months carried into it, so every month of the ledger is looked in. The statement
 * also says whether any line of the batch is still pending after it (the lines as they were, less those it updated:
 * the batch row is locked, nothing else moves them).
 * A line failed because its holder died (HOLDER_DECEASED) brings its open enrolment's next periodic review forward
 * to the limit after a death (domain §3.2: within three months), saying why: the bank is often the first to know.
 * A line failed because its card cannot receive (PAYEE_HOLD_FAILURES) holds the open enrolment's payee when the card
 * is still the one the benefit is paid into: its next months are written as HELD lines, sent to no bank, until the
 * payee is changed. Both are one update of the enrolment (a statement may not update a row twice).
 * The caller rolls the transaction back when there is a problem, so the update is all or nothing.
 */
const RECORD_RESULTS = `
  with input as materialized (
    select * from unnest(?::bigint[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[])
      as r("lineId", outcome, "amountFen", "bankReference", "failureCode", "failureReason")
  ), updated as (
    update payment.payroll_line l
       set status = i.outcome, bank_reference = i."bankReference",
           failure_code = case when i.outcome = 'FAILED' then i."failureCode" end,
           failure_reason = case when i.outcome = 'FAILED' then i."failureReason" end,
           settled_at = now()
      from input i
     where l.id = i."lineId" and l.batch_id = ? and l.status = 'PENDING' and l.amount_fen = i."amountFen"
       -- only the part of the batch the post covers is read (a batch is paged to the bank in id order)
       and l.id between (select min("lineId") from input) and (select max("lineId") from input)
    returning l.id, l.enrolment_id, l.failure_code, l.bank_code, l.account_no
  ), rest as (
    select i.*, l.id as found, l.amount_fen, l.status, l.bank_reference, l.failure_code
      from input i
      left join payment.payroll_line l on l.id = i."lineId" and l.batch_id = ?
     where not exists (select 1 from updated u where u.id = i."lineId")
  ), judged as (
    select "lineId" as line_id,
           case when found is null then 'UNKNOWN_LINE'
                when amount_fen <> "amountFen" then 'AMOUNT'
                when status <> outcome or coalesce(bank_reference, '') <> coalesce("bankReference", '')
                     or coalesce(failure_code, '') <> coalesce(case when outcome = 'FAILED' then "failureCode" end, '')
                  then 'CONFLICT'
           end as problem
      from rest
  ), card_failures as (
    -- One row per open enrolment: a death first (it also brings the review forward). The enrolment as it was before
    -- this statement: its payee is held only if the failed card is still its card and nothing holds it yet.
    select distinct on (u.enrolment_id) u.enrolment_id, u.failure_code,
           (e.payee_held_since is null and e.bank_code = u.bank_code and e.account_no = u.account_no) as holds
      from updated u
      join payment.enrolment e on e.id = u.enrolment_id
     where u.failure_code in (${HOLD_CODES}) and e.status <> 'TERMINATED'
     order by u.enrolment_id, u.failure_code = 'HOLDER_DECEASED' desc
  ), enrolments as (
    update payment.enrolment e
       set next_review_reason = case when f.failure_code <> 'HOLDER_DECEASED' or e.next_review_on <= ?::date
                                     then e.next_review_reason else ? end,
           next_review_on = case when f.failure_code = 'HOLDER_DECEASED' then least(e.next_review_on, ?::date)
                                 else e.next_review_on end,
           payee_held_since = case when f.holds then ?::date else e.payee_held_since end,
           payee_hold_reason = case when f.holds
                                    then '银行反馈' || (${HOLD_LABEL}) || '（' || ?::text || '），暂停向该账户发放'
                                    else e.payee_hold_reason end
      from card_failures f
     where e.id = f.enrolment_id
    returning e.id, f.failure_code, f.holds
  )
  select (select count(*) from updated) as accepted,
         (select count(*) from enrolments where failure_code = 'HOLDER_DECEASED') as deceased,
         (select count(*) from enrolments where holds) as held,
         (select count(*) from judged where problem is null) as unchanged,
         (select json_agg(json_build_object('line_id', line_id, 'problem', problem) order by line_id)
            from judged where problem is not null) as problems,
         exists (select 1 from payment.payroll_line l
                  where l.batch_id = ? and l.status = 'PENDING'
                    and not exists (select 1 from updated u where u.id = l.id)) as pending`;

/** What a payment bank may do, each call proven by its signature first: batches, lines, results, statements. */
@Injectable()
export class BankApiService {
  private readonly logger = new Logger(BankApiService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly auth: BankAuthService,
  ) {}

  async listBatches(request: BankListBatchesRequest): Promise<BankBatchListReply> {
    const bankCode = await this.auth.verify(request.auth);
    const batches = await this.em
      .fork()
      .find(
        PaymentBatch,
        { bankCode, ...(request.status ? { status: request.status } : { status: { $ne: 'SETTLED' } }) },
        { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 1000 },
      );
    return { items: batches.map(toBatchReply) };
  }

  /** A page of a batch's lines in id order, with the full account (the bank needs it to pay). */
  async batchLines(request: BankBatchLinesRequest): Promise<BankBatchLinesReply> {
    const bankCode = await this.auth.verify(request.auth);
    const em = this.em.fork();
    const batch = await this.ownBatch(em, bankCode, request.batchId);
    const limit = request.limit ?? 5_000;
    const rows = await em.getConnection().execute<
      Array<{
        id: string;
        month: string;
        account_no: string;
        account_name: string;
        amount_fen: number;
        status: string;
      }>
    >(
      `select id, to_char(month, 'YYYY-MM') as month, account_no, account_name, amount_fen, status
         from payment.payroll_line where batch_id = ? and id > ? order by id limit ?`,
      [batch.id, request.after ?? 0, limit],
      'all',
    );
    return {
      batchId: batch.id,
      items: rows.map((row) => ({
        lineId: Number(row.id),
        month: row.month,
        accountNo: row.account_no,
        accountName: row.account_name,
        amountFen: row.amount_fen,
        narrative: `低保金 ${row.month}`,
        status: row.status as 'PENDING' | 'PAID' | 'FAILED',
      })),
      next: rows.length === limit ? Number(rows[rows.length - 1].id) : null,
    };
  }

  /** The bank has received the batch and will pay it. Acknowledging twice is harmless. */
  async acknowledge(request: BankBatchRequest): Promise<BankBatchReply> {
    const bankCode = await this.auth.verify(request.auth);
    const em = this.em.fork();
    const batch = await this.ownBatch(em, bankCode, request.batchId);
    if (batch.status === 'READY') {
      batch.status = 'ACKNOWLEDGED';
      batch.acknowledgedAt = new Date();
      await em.flush();
    }
    return toBatchReply(batch);
  }

  /**
   * Per-line results, all or nothing: every line must be of this batch, with its exact amount, and must not
   * contradict a result already recorded. A result identical to the recorded one changes nothing.
   */
  async postResults(request: BankPostResultsRequest): Promise<BankPostResultsReply> {
    const bankCode = await this.auth.verify(request.auth);
    const duplicates = duplicateLineIds(request.results.map((result) => result.lineId));
    if (duplicates.length > 0) {
      throw resultsRefused(ErrorCode.VALIDATION_FAILED, 'duplicate line ids in one request', [
        { field: 'results', messages: [`同一请求中重复的明细编号：${duplicates.slice(0, 20).join(', ')}`] },
      ]);
    }
    // The validated results as one array per field, each one bound parameter.
    const { results } = request;
    const columns = [
      sqlArray(results.map((r) => r.lineId)),
      sqlArray(results.map((r) => r.outcome)),
      sqlArray(results.map((r) => r.amountFen)),
      sqlArray(results.map((r) => r.bankReference)),
      sqlArray(results.map((r) => r.failureCode)),
      sqlArray(results.map((r) => r.failureReason)),
    ];
    const today = beijingDate(new Date());
    const dueBy = reviewDueAfterMemberChange(today);
    return this.em.fork().transactional(async (tx) => {
      const context = tx.getTransactionContext<Knex.Transaction>();
      if (!context) {
        throw new Error('results must be recorded in a transaction');
      }
      // Locking the batch serialises result posts for it, so what the statement finds still holds as it writes.
      const batch = await this.ownBatch(tx, bankCode, request.batchId, true);
      const knex = tx.getConnection().getKnex();
      // The function's row estimate is fixed (100): without this the planner may rescan the input per line.
      await knex.raw(`set local enable_nestloop = off`).transacting(context);
      const {
        rows: [outcome],
      } = await knex
        .raw<{ rows: ResultsOutcomeRow[] }>(RECORD_RESULTS, [
          ...columns,
          batch.id,
          batch.id,
          dueBy,
          `银行反馈持卡人已身故（${today}）`,
          dueBy,
          today,
          today,
          batch.id,
        ])
        .transacting(context);
      if (outcome.problems) {
        // Nothing is kept: the transaction (with the lines it updated) rolls back.
        throw resultsRefusedFor(outcome.problems);
      }
      if (!outcome.pending && batch.status !== 'SETTLED') {
        batch.status = 'SETTLED';
        batch.settledAt = new Date();
        batch.acknowledgedAt ??= new Date();
      } else if (batch.status === 'READY') {
        batch.status = 'ACKNOWLEDGED';
        batch.acknowledgedAt = new Date();
      }
      await tx.flush();
      if (Number(outcome.deceased) > 0) {
        this.logger.log({ batchId: batch.id, enrolments: Number(outcome.deceased) }, 'holder deceased: reviews due');
      }
      if (Number(outcome.held) > 0) {
        this.logger.log({ batchId: batch.id, enrolments: Number(outcome.held) }, 'card cannot receive: payees held');
      }
      return {
        batchId: batch.id,
        accepted: Number(outcome.accepted),
        unchanged: Number(outcome.unchanged),
        batchStatus: batch.status,
      };
    });
  }

  /** The bank's view of a cycle: per batch and in total, expected = paid + failed + pending, to the fen. */
  async statement(request: BankStatementRequest): Promise<BankStatementReply> {
    const bankCode = await this.auth.verify(request.auth);
    const prefix = cyclePrefix(request.month);
    const rows = await this.em
      .fork()
      .getConnection()
      .execute<
        Array<{ batch_id: string; batch_status: BatchStatus; status: string | null; lines: number; fen: string }>
      >(
        `select b.id as batch_id, b.status as batch_status, l.status, count(l.id)::int as lines,
              coalesce(sum(l.amount_fen), 0)::bigint as fen
         from payment.payment_batch b
         left join payment.payroll_line l on l.batch_id = b.id
        where b.bank_code = ? and b.id >= ? and b.id < ?
        group by b.id, b.status, l.status
        order by b.id`,
        [bankCode, prefix, `${prefix.slice(0, -1)}.`],
        'all',
      );
    // Per batch and in total with the same arithmetic as the staff statement.
    const batches = new Map<string, { status: BatchStatus; totals: StatementTotals }>();
    const totals = emptyTotals();
    for (const row of rows) {
      const batch = batches.get(row.batch_id) ?? { status: row.batch_status, totals: emptyTotals() };
      batches.set(row.batch_id, batch);
      if (row.status) {
        addToTotals(batch.totals, row.status, row.lines, Number(row.fen));
        addToTotals(totals, row.status, row.lines, Number(row.fen));
      }
    }
    return {
      bankCode,
      month: request.month,
      batches: [...batches].map(([batchId, { status, totals: t }]) => ({
        batchId,
        status,
        lineCount: t.lines,
        totalFen: t.expectedFen,
        paidLines: t.paidLines,
        paidFen: t.paidFen,
        failedLines: t.failedLines,
        failedFen: t.failedFen,
        pendingLines: t.pendingLines,
        pendingFen: t.pendingFen,
      })),
      totals: {
        lines: totals.lines,
        expectedFen: totals.expectedFen,
        paidFen: totals.paidFen,
        failedFen: totals.failedFen,
        pendingFen: totals.pendingFen,
      },
      balanced: totals.expectedFen === totals.paidFen + totals.failedFen + totals.pendingFen,
    };
  }

  private async ownBatch(em: EntityManager, bankCode: string, batchId: string, lock = false): Promise<PaymentBatch> {
    const batch = await em.findOne(PaymentBatch, { id: batchId }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!batch || batch.bankCode !== bankCode) {
      throw new DomainError(ErrorCode.NOT_FOUND, `batch ${batchId} not found for ${bankCode}`, NOT_FOUND_MESSAGE, [
        { field: 'batchId', messages: [NOT_FOUND_MESSAGE] },
      ]);
    }
    return batch;
  }
}

function duplicateLineIds(ids: number[]): number[] {
  const seen = new Set<number>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

function resultsRefused(code: ErrorCode, reason: string, details: FieldError[]): DomainError {
  return new DomainError(code, reason, '回盘结果未被接受，本次请求未做任何更改', details);
}

/** Names the offending lines (up to 20 of each kind), so the bank can find them. */
function resultsRefusedFor(problems: ResultProblem[]): DomainError {
  const of = (kind: ResultProblem['problem']) =>
    problems.filter((row) => row.problem === kind).map((row) => row.line_id);
  const details: FieldError[] = [];
  const unknown = of('UNKNOWN_LINE');
  const amount = of('AMOUNT');
  const conflict = of('CONFLICT');
  if (unknown.length > 0) {
    details.push({ field: 'results.lineId', messages: [`不属于该批次的明细：${unknown.slice(0, 20).join(', ')}`] });
  }
  if (amount.length > 0) {
    details.push({ field: 'results.amountFen', messages: [`金额与明细不符：${amount.slice(0, 20).join(', ')}`] });
  }
  if (conflict.length > 0) {
    details.push({ field: 'results.outcome', messages: [`与已记录结果矛盾：${conflict.slice(0, 20).join(', ')}`] });
  }
  const code = unknown.length > 0 || amount.length > 0 ? ErrorCode.VALIDATION_FAILED : ErrorCode.CONFLICT;
  return resultsRefused(
    code,
    `results refused: ${unknown.length} unknown, ${amount.length} amount, ${conflict.length} conflicting`,
    details,
  );
}
