import type { LineReply } from '@app/contracts/payment/payroll.reply';

/** What finance does with a line: pay a failed or held one again, or cancel a held one as not owed. */
export type LineAction = 'REISSUE' | 'CANCEL';

/** The actions a line offers: a failed line is paid again; a held one is paid to a new card or cancelled. */
export function actionsFor(line: Pick<LineReply, 'status'>): LineAction[] {
  if (line.status === 'FAILED') {
    return ['REISSUE'];
  }
  return line.status === 'HELD' ? ['REISSUE', 'CANCEL'] : [];
}

export interface ReissueDraft {
  accountNo: string;
  bankCode: string;
  reason: string;
}

/**
 * The body of `POST /api/v1/payment-lines/:id/reissue`: an account or bank left empty is left out (the line goes
 * to the benefit's account as it is now); spaces typed in an account number are dropped, the rest is sent as typed
 * for the gateway to check.
 */
export function reissueBody(draft: ReissueDraft): Record<string, string> {
  const accountNo = draft.accountNo.replace(/\s+/g, '');
  const bankCode = draft.bankCode.trim().toUpperCase();
  return { ...(accountNo ? { accountNo } : {}), ...(bankCode ? { bankCode } : {}), reason: draft.reason.trim() };
}
