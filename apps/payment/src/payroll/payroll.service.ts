import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowNotFoundError } from '@temporalio/client';

import {
  type BuildBatchesReply,
  ErrorCode,
  type BuildBatchesRequest,
  type GeneratePayrollReply,
  type GeneratePayrollRequest,
  PERMISSIONS,
  type PayrollStatementReply,
  type PlanPayrollReply,
  type PlanPayrollRequest,
  type SealPayrollReply,
  type StartPayrollReply,
  type StartPayrollRequest,
  type StatementTotals,
} from '@app/contracts';
import { PAYROLL_WORKFLOW_TYPE, payrollWorkflowId, TASK_QUEUES } from '@app/contracts/temporal';
import { addMonths, monthStart } from '@app/domain';
import { assertPermission, DomainError, isSystemCaller, requireCaller, TemporalClientService } from '@app/platform';

import {
  ASSIGN_BATCHES,
  CARRY_FAILED,
  createLedgerMonth,
  generateLines,
  INSERT_BATCHES,
  LEDGER_MONTH_STATE,
  ledgerMonthName,
  partitionName,
  sealLedgerMonth,
  PLAN,
  releaseHeld,
  STATEMENT,
} from './payroll-sql';

export const DEFAULT_BATCH_SIZE = 10_000;

/** The uuid range [lo, hi] of chunk k of n, split on the first 32 bits of the enrolment id. */
export function chunkRange(chunk: number, chunks: number): [string, string] {
  const span = 2 ** 32 / chunks;
  const hex = (value: number) => Math.floor(value).toString(16).padStart(8, '0');
  const lo = `${hex(chunk * span)}-0000-0000-0000-000000000000`;
  const hi =
    chunk === chunks - 1
      ? 'ffffffff-ffff-ffff-ffff-ffffffffffff'
      : `${hex((chunk + 1) * span - 1)}-ffff-ffff-ffff-ffffffffffff`;
  return [lo, hi];
}

/** Batches per bank as the plan gave them: bank codes and counts of 1–9,999 only (they end up in batch ids). */
function validPlan(plan: Record<string, number> | undefined): Record<string, number> {
  const entries = Object.entries(plan ?? {});
  for (const [bank, batches] of entries) {
    if (!/^[A-Z0-9]{2,16}$/.test(bank) || !Number.isInteger(batches) || batches < 1 || batches > 9_999) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'bad payroll plan', '发放计划不正确', [
        { field: 'batchesPerBank', messages: [`银行${bank}的批次数应为1至9999的整数`] },
      ]);
    }
  }
  return Object.fromEntries(entries);
}

/** Temporal did not answer: a typed, retryable 503 for the caller instead of a 500. */
function temporalUnavailable(error: unknown): DomainError {
  const reason = error instanceof Error ? error.message : String(error);
  return new DomainError(ErrorCode.UNAVAILABLE, `temporal: ${reason}`, '发放流程服务暂不可用，请稍后重试');
}

/** The advisory lock between loading a month's chunks (shared) and sealing it (exclusive). */
const ledgerLock = (month: string): string => `payroll-ledger-${month}`;

/** The prefix of a cycle's batch ids: 202612- for 2026-12. */
export const cyclePrefix = (month: string): string => `${month.replace('-', '')}-`;

export function emptyTotals(): StatementTotals {
  return {
    lines: 0,
    expectedFen: 0,
    paidLines: 0,
    paidFen: 0,
    failedLines: 0,
    failedFen: 0,
    pendingLines: 0,
    pendingFen: 0,
    heldLines: 0,
    heldFen: 0,
    cancelledLines: 0,
    cancelledFen: 0,
  };
}

export function addToTotals(totals: StatementTotals, status: string, lines: number, fen: number): void {
  totals.lines += lines;
  totals.expectedFen += fen;
  if (status === 'PAID') {
    totals.paidLines += lines;
    totals.paidFen += fen;
  } else if (status === 'FAILED') {
    totals.failedLines += lines;
    totals.failedFen += fen;
  } else if (status === 'HELD') {
    totals.heldLines += lines;
    totals.heldFen += fen;
  } else if (status === 'CANCELLED') {
    totals.cancelledLines += lines;
    totals.cancelledFen += fen;
  } else {
    totals.pendingLines += lines;
    totals.pendingFen += fen;
  }
}

interface StatementRow {
  g_bank: number;
  g_county: number;
  bank_code: string | null;
  county: string | null;
  status: string;
  lines: number;
  fen: string;
}

/** The monthly payroll: lines from enrolments, batches per bank, the statement, and starting the workflow. */
@Injectable()
export class PayrollService {
  private readonly logger = new Logger(PayrollService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly temporal: TemporalClientService,
    private readonly config: ConfigService,
  ) {}

  /** Starts (or finds running) the month's payroll workflow; a finished month may be run again harmlessly. */
  async start(request: StartPayrollRequest): Promise<StartPayrollReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.paymentManage);
    const workflowId = payrollWorkflowId(request.month);
    const running = await this.temporal.client.workflow
      .getHandle(workflowId)
      .describe()
      .then((description) => description.status.name === 'RUNNING')
      .catch((error: unknown) => {
        if (error instanceof WorkflowNotFoundError) {
          return false;
        }
        throw temporalUnavailable(error);
      });
    if (!running) {
      await this.temporal.client.workflow
        .start(PAYROLL_WORKFLOW_TYPE, {
          workflowId,
          taskQueue: TASK_QUEUES.payroll,
          args: [{ month: request.month, chunks: Number(this.config.get('PAYROLL_CHUNKS') ?? 2) }],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'ALLOW_DUPLICATE',
        })
        .catch((error: unknown) => {
          throw temporalUnavailable(error);
        });
    }
    this.logger.log({ workflowId, by: caller.username, started: !running }, 'payroll workflow requested');
    return { month: request.month, workflowId, started: !running };
  }

  /**
   * How many batches of at most `batchSize` lines each bank needs this month. Once the month has batches, the
   * plan is empty: lines added by a re-run are batched afresh, never slipped into a batch a bank already has.
   */
  async plan(request: PlanPayrollRequest): Promise<PlanPayrollReply> {
    this.assertSystem();
    const month = monthStart(request.month);
    const size = request.batchSize ?? DEFAULT_BATCH_SIZE;
    const connection = this.em.fork().getConnection();
    const [{ batched }] = await connection.execute<Array<{ batched: boolean }>>(
      `select exists (select 1 from payment.payment_batch where month = ?::date and kind = 'REGULAR') as batched`,
      [month],
    );
    if (batched) {
      return { month: request.month, batchesPerBank: {} };
    }
    await this.ensureLedgerMonth(request.month);
    const rows = await connection.execute<Array<{ bank_code: string; lines: number }>>(PLAN, [month, month]);
    return {
      month: request.month,
      batchesPerBank: Object.fromEntries(rows.map((row) => [row.bank_code, Math.max(1, Math.ceil(row.lines / size))])),
    };
  }

  /** One chunk of one month's lines, by one INSERT … SELECT (system: the payroll workflow). */
  async generate(request: GeneratePayrollRequest): Promise<GeneratePayrollReply> {
    this.assertSystem();
    if (request.chunk >= request.chunks) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'chunk out of range', '分片序号应小于分片数', [
        { field: 'chunk', messages: [`分片序号应为0至${request.chunks - 1}`] },
      ]);
    }
    await this.ensureLedgerMonth(request.month);
    const month = monthStart(request.month);
    const [lo, hi] = chunkRange(request.chunk, request.chunks);
    const plan = JSON.stringify(validPlan(request.batchesPerBank));
    const params = [month, plan, cyclePrefix(request.month), plan, month, month, lo, hi];
    const inserted = await this.em.fork().transactional(async (tx) => {
      const connection = tx.getConnection();
      const context: unknown = tx.getTransactionContext();
      // Chunks load side by side (shared); sealing waits for them and they for it (exclusive), see seal().
      await connection.execute(`select pg_advisory_xact_lock_shared(hashtext(?))`, [ledgerLock(month)], 'all', context);
      if (await this.isSealed(tx, request.month)) {
        // Sealed: the unique (household, month) constraint skips every line the month has.
        const result = await connection.execute<{ affectedRows: number }>(
          generateLines('payment.payroll_line', true),
          params,
          'run',
          context,
        );
        return result.affectedRows;
      }
      // Still loading: the chunk's lines and its entry in the chunk log commit together, so a retried chunk (or
      // one whose first attempt is still running, serialised by the row's key) adds nothing.
      const logged = await connection.execute<{ affectedRows: number }>(
        `insert into payment.payroll_chunk (month, chunk, chunks, inserted) values (?::date, ?, ?, 0)
         on conflict do nothing`,
        [month, request.chunk, request.chunks],
        'run',
        context,
      );
      if (logged.affectedRows === 0) {
        return 0;
      }
      const result = await connection.execute<{ affectedRows: number }>(
        generateLines(partitionName(request.month), false),
        params,
        'run',
        context,
      );
      await connection.execute(
        `update payment.payroll_chunk set inserted = ? where month = ?::date and chunk = ? and chunks = ?`,
        [result.affectedRows, month, request.chunk, request.chunks],
        'run',
        context,
      );
      return result.affectedRows;
    });
    return { month: request.month, chunk: request.chunk, inserted };
  }

  /**
   * Seals the month's loaded lines into the ledger (see sealLedgerMonth): indexes built in one pass each, then
   * attached. Idempotent: a sealed month is left as it is. Batches are built only from a sealed month.
   */
  async seal(monthText: string): Promise<SealPayrollReply> {
    this.assertSystem();
    await this.ensureLedgerMonth(monthText);
    const month = monthStart(monthText);
    const sealed = await this.em
      .fork()
      .transactional(async (tx) => {
        const connection = tx.getConnection();
        const context: unknown = tx.getTransactionContext();
        await connection.execute(`select pg_advisory_xact_lock(hashtext(?))`, [ledgerLock(month)], 'all', context);
        if (await this.isSealed(tx, monthText)) {
          return false;
        }
        // Sorting a million keys in memory, not in temporary files.
        await connection.execute(`set local maintenance_work_mem = '256MB'`, [], 'run', context);
        for (const sql of sealLedgerMonth(monthText, addMonths(monthText, 1))) {
          await connection.execute(sql, [], 'run', context);
        }
        return true;
      })
      .catch(async (error: unknown) => {
        // 23505: building a unique index found two equal keys (the DDL's error is not translated by the ORM).
        throw (error as { code?: string }).code === '23505' ? await this.twiceInMonth(monthText) : error;
      });
    const [{ lines }] = await this.em
      .fork()
      .getConnection()
      .execute<Array<{ lines: number }>>(`select count(*)::int as lines from ${partitionName(monthText)}`, [], 'all');
    if (sealed) {
      this.logger.log({ month: monthText, lines }, 'payroll month sealed into the ledger');
    }
    return { month: monthText, sealed, lines };
  }

  /** Carries failed lines of earlier cycles, then batches every unbatched line per bank, in one transaction. */
  async buildBatches(request: BuildBatchesRequest): Promise<BuildBatchesReply> {
    this.assertSystem();
    const month = monthStart(request.month);
    const prefix = cyclePrefix(request.month);
    const size = request.batchSize ?? DEFAULT_BATCH_SIZE;
    // Lines are batched only once the month is sealed (the payroll seals it first; this covers a caller that did not).
    await this.seal(request.month);
    return this.em.fork().transactional(async (tx) => {
      const connection = tx.getConnection();
      const context: unknown = tx.getTransactionContext();
      // One builder at a time per month (a retried activity may overlap a slow first attempt).
      await connection.execute(
        `select pg_advisory_xact_lock(hashtext(?))`,
        [`payroll-batches-${prefix}`],
        'all',
        context,
      );
      const batchRange = [month, prefix, `${prefix.slice(0, -1)}.`];
      // The batches the lines were written into by plan, then failed lines carried from earlier cycles, held lines
      // whose payee has been changed since, and any line written without a batch, numbered after them.
      await connection.execute(INSERT_BATCHES, batchRange, 'run', context);
      const carried = await connection.execute<{ affectedRows: number }>(CARRY_FAILED, [month, prefix], 'run', context);
      await connection.execute(releaseHeld('cycle'), [month, 'system', 'system'], 'run', context);
      await connection.execute(ASSIGN_BATCHES, [month, size, month, prefix.slice(0, -1)], 'run', context);
      await connection.execute(INSERT_BATCHES, batchRange, 'run', context);
      // A million new lines: fresh statistics keep the banks' queries on their indexes.
      await connection.execute(`analyze ${partitionName(request.month)}`, [], 'run', context);
      const [batches] = await connection.execute<Array<{ n: number }>>(
        `select count(*)::int as n from payment.payment_batch where month = ?::date`,
        [month],
        'all',
        context,
      );
      const [lines] = await connection.execute<Array<{ n: number }>>(
        `select coalesce(sum(line_count), 0)::int as n from payment.payment_batch where month = ?::date`,
        [month],
        'all',
        context,
      );
      return { month: request.month, batches: batches.n, lines: lines.n, carried: carried.affectedRows };
    });
  }

  /** expected = paid + failed + pending + held for the month, per bank and per county, within the caller's division. */
  async statement(month: string): Promise<PayrollStatementReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.paymentRead);
    const scope = isSystemCaller(caller) ? '' : caller.divisionCode;
    const rows = await this.em.fork().transactional(async (tx) => {
      const connection = tx.getConnection();
      const context: unknown = tx.getTransactionContext();
      // The planner takes left(division_code, 6) for 100,000 groups and would sort the month to group it; there
      // are a few hundred, hashed in memory in a third of the time.
      await connection.execute('set local enable_sort = off', [], 'run', context);
      return connection.execute<StatementRow[]>(STATEMENT, [monthStart(month), `${scope}%`], 'all', context);
    });
    const totals = emptyTotals();
    const byBank = new Map<string, StatementTotals>();
    const byDivision = new Map<string, StatementTotals>();
    for (const row of rows) {
      const fen = Number(row.fen);
      if (row.g_bank === 0) {
        const bank = byBank.get(row.bank_code!) ?? byBank.set(row.bank_code!, emptyTotals()).get(row.bank_code!)!;
        addToTotals(bank, row.status, row.lines, fen);
      } else if (row.g_county === 0) {
        const county = byDivision.get(row.county!) ?? byDivision.set(row.county!, emptyTotals()).get(row.county!)!;
        addToTotals(county, row.status, row.lines, fen);
      } else {
        addToTotals(totals, row.status, row.lines, fen);
      }
    }
    const sum = (parts: Iterable<StatementTotals>) => [...parts].reduce((acc, t) => acc + t.expectedFen, 0);
    const balanced =
      totals.expectedFen ===
        totals.paidFen + totals.failedFen + totals.pendingFen + totals.heldFen + totals.cancelledFen &&
      sum(byBank.values()) === totals.expectedFen &&
      sum(byDivision.values()) === totals.expectedFen;
    return {
      month,
      totals,
      byBank: [...byBank]
        .map(([bankCode, t]) => ({ bankCode, ...t }))
        .sort((a, b) => a.bankCode.localeCompare(b.bankCode)),
      byDivision: [...byDivision]
        .map(([divisionCode, t]) => ({ divisionCode, ...t }))
        .sort((a, b) => a.divisionCode.localeCompare(b.divisionCode)),
      balanced,
    };
  }

  /**
   * The month's table of the ledger, made once, unindexed and not yet attached (see createLedgerMonth); one maker at
   * a time, as concurrent chunks would race on the catalogue. A month already in the ledger is left alone.
   */
  private async ensureLedgerMonth(month: string): Promise<void> {
    monthStart(month); // a YYYY-MM month or a RangeError: the name goes into DDL
    await this.em.fork().transactional(async (tx) => {
      const connection = tx.getConnection();
      const context: unknown = tx.getTransactionContext();
      await connection.execute(`select pg_advisory_xact_lock(hashtext('payroll-partitions'))`, [], 'all', context);
      const [state] = await connection.execute<Array<{ sealed: boolean }>>(
        LEDGER_MONTH_STATE,
        [ledgerMonthName(month)],
        'all',
        context,
      );
      if (!state) {
        await connection.execute(createLedgerMonth(month, addMonths(month, 1)), [], 'run', context);
      }
    });
  }

  /** The month cannot be sealed: households with two lines in it (never paid twice — the payroll stops here). */
  private async twiceInMonth(month: string): Promise<DomainError> {
    const rows = await this.em
      .fork()
      .getConnection()
      .execute<Array<{ household_id: string }>>(
        `select household_id from ${partitionName(month)} group by household_id having count(*) > 1 order by 1 limit 20`,
        [],
        'all',
      );
    const households = rows.map((row) => row.household_id);
    return new DomainError(
      ErrorCode.CONFLICT,
      `payroll ${month} not sealed: ${households.length} households twice`,
      '本月发放明细中有家庭出现两次，本月未入账，请核查后重新生成',
      [{ field: 'month', messages: [`重复的家庭：${households.join(', ')}`] }],
    );
  }

  private async isSealed(em: EntityManager, month: string): Promise<boolean> {
    const [state] = await em
      .getConnection()
      .execute<Array<{ sealed: boolean }>>(
        LEDGER_MONTH_STATE,
        [ledgerMonthName(month)],
        'all',
        em.getTransactionContext(),
      );
    return state?.sealed === true;
  }

  private assertSystem(): void {
    const caller = requireCaller();
    if (!isSystemCaller(caller)) {
      assertPermission(caller, PERMISSIONS.paymentManage);
    }
  }
}
