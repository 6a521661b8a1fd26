import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';

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
  type StatementTotals,
} from '@app/contracts';
import { DomainError } from '@app/platform';

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

interface ResultCheckRow {
  line_id: string;
  problem: 'UNKNOWN_LINE' | 'AMOUNT' | 'CONFLICT' | null;
  unchanged: boolean;
}

/** What a payment bank may do, each call proven by its signature first: batches, lines, results, statements. */
@Injectable()
export class BankApiService {
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
    const payload = JSON.stringify(
      request.results.map((result) => ({
        line_id: result.lineId,
        outcome: result.outcome,
        amount_fen: result.amountFen,
        bank_reference: result.bankReference ?? null,
        failure_code: result.outcome === 'FAILED' ? result.failureCode : null,
        failure_reason: result.outcome === 'FAILED' ? (result.failureReason ?? null) : null,
      })),
    );
    return this.em.fork().transactional(async (tx) => {
      const connection = tx.getConnection();
      const context: unknown = tx.getTransactionContext();
      // Locking the batch serialises result posts for it, so the check below still holds at the update.
      const batch = await this.ownBatch(tx, bankCode, request.batchId, true);
      const checked = await connection.execute<ResultCheckRow[]>(
        `with input as (
           select * from jsonb_to_recordset(?::jsonb)
             as r(line_id bigint, outcome text, amount_fen int, bank_reference text, failure_code text, failure_reason text))
         select i.line_id,
                case when l.id is null then 'UNKNOWN_LINE'
                     when l.amount_fen <> i.amount_fen then 'AMOUNT'
                     when l.status <> 'PENDING' and (l.status <> i.outcome
                          or coalesce(l.bank_reference, '') <> coalesce(i.bank_reference, '')
                          or coalesce(l.failure_code, '') <> coalesce(i.failure_code, '')) then 'CONFLICT'
                end as problem,
                (l.status = i.outcome) as unchanged
           from input i
           left join payment.payroll_line l on l.id = i.line_id and l.batch_id = ?
          order by i.line_id`,
        [payload, batch.id],
        'all',
        context,
      );
      const problems = checked.filter((row) => row.problem);
      if (problems.length > 0) {
        throw resultsRefusedFor(problems);
      }
      // The function's row estimate is fixed (100): without this the planner may rescan the input per line.
      await connection.execute(`set local enable_nestloop = off`, [], 'run', context);
      const updated = await connection.execute<{ affectedRows: number }>(
        `update payment.payroll_line l
            set status = r.outcome, bank_reference = r.bank_reference, failure_code = r.failure_code,
                failure_reason = r.failure_reason, settled_at = now()
           from jsonb_to_recordset(?::jsonb)
             as r(line_id bigint, outcome text, amount_fen int, bank_reference text, failure_code text, failure_reason text)
          where l.id = r.line_id and l.batch_id = ? and l.status = 'PENDING'`,
        [payload, batch.id],
        'run',
        context,
      );
      const [{ pending }] = await connection.execute<Array<{ pending: boolean }>>(
        `select exists (select 1 from payment.payroll_line where batch_id = ? and status = 'PENDING') as pending`,
        [batch.id],
        'all',
        context,
      );
      if (!pending && batch.status !== 'SETTLED') {
        batch.status = 'SETTLED';
        batch.settledAt = new Date();
        batch.acknowledgedAt ??= new Date();
      } else if (batch.status === 'READY') {
        batch.status = 'ACKNOWLEDGED';
        batch.acknowledgedAt = new Date();
      }
      await tx.flush();
      return {
        batchId: batch.id,
        accepted: updated.affectedRows,
        unchanged: checked.filter((row) => row.unchanged).length,
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
function resultsRefusedFor(problems: ResultCheckRow[]): DomainError {
  const of = (kind: ResultCheckRow['problem']) =>
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
