/* Plain constants and reply shapes (no validators): the staff console imports them. */

import type { LineStatus } from './line-status';

/** Reason codes a bank gives for a failed line. */
export const FAILURE_CODES = [
  'ACCOUNT_CLOSED',
  'ACCOUNT_NOT_FOUND',
  'NAME_MISMATCH',
  'ACCOUNT_FROZEN',
  'HOLDER_DECEASED',
  'OTHER',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** A bank's reason in staff words. */
export const FAILURE_LABELS = {
  ACCOUNT_CLOSED: '账户已销户',
  ACCOUNT_NOT_FOUND: '账户不存在',
  NAME_MISMATCH: '户名不符',
  ACCOUNT_FROZEN: '账户冻结',
  HOLDER_DECEASED: '持卡人已身故',
  OTHER: '其他',
} as const satisfies Record<FailureCode, string>;

/**
 * Failures that say the card can never receive again: the benefit is held (its months written as HELD lines, sent
 * to no bank) until the payee is changed, rather than sent to that card every month.
 */
export const PAYEE_HOLD_FAILURES = {
  ACCOUNT_CLOSED: FAILURE_LABELS.ACCOUNT_CLOSED,
  ACCOUNT_NOT_FOUND: FAILURE_LABELS.ACCOUNT_NOT_FOUND,
  HOLDER_DECEASED: FAILURE_LABELS.HOLDER_DECEASED,
} as const satisfies Partial<Record<FailureCode, string>>;

/** expected = paid + failed + pending + held + cancelled, in lines and fen. */
export interface StatementTotals {
  lines: number;
  expectedFen: number;
  paidLines: number;
  paidFen: number;
  failedLines: number;
  failedFen: number;
  pendingLines: number;
  pendingFen: number;
  /** Owed but held: the benefit's card cannot receive until its payee is changed (no bank has them). */
  heldLines: number;
  heldFen: number;
  /** Held months finance found not owed and cancelled: never paid, counted so that the month still balances. */
  cancelledLines: number;
  cancelledFen: number;
}

export interface PayrollStatementReply {
  month: string;
  totals: StatementTotals;
  byBank: Array<StatementTotals & { bankCode: string }>;
  /** Per county (6-digit division). */
  byDivision: Array<StatementTotals & { divisionCode: string }>;
  balanced: boolean;
}

export interface StartPayrollReply {
  month: string;
  workflowId: string;
  /** False when the month's payroll was already running or done (the same workflow). */
  started: boolean;
}

export interface LineReply {
  id: number;
  month: string;
  householdId: string;
  enrolmentId: string;
  divisionCode: string;
  bankCode: string;
  accountName: string;
  /** Masked unless the caller may reveal personal data. */
  accountNo: string;
  baseFen: number;
  supplementFen: number;
  amountFen: number;
  status: LineStatus;
  batchId: string | null;
  attempt: number;
  failureCode: FailureCode | null;
  failureReason: string | null;
  bankReference: string | null;
  settledAt: string | null;
}

export interface ListLinesReply {
  items: LineReply[];
}
