import { type BankClient } from './bank-client';

export interface SimulationSummary {
  bankCode: string;
  batches: number;
  lines: number;
  paid: number;
  failed: number;
  /** The last results request sent again with its nonce was refused (401, X-Nonce). */
  replayRefused: boolean | null;
  /** The same results posted a second time changed nothing. */
  repeatUnchanged: boolean | null;
}

/**
 * The bank's rule for failing a line, so tests know which lines fail: an account ending in 13 is closed,
 * one ending in 27 has another holder's name. Everything else is paid.
 */
export function simulatedOutcome(accountNo: string): { outcome: 'PAID' } | { outcome: 'FAILED'; failureCode: string } {
  if (accountNo.endsWith('13')) {
    return { outcome: 'FAILED', failureCode: 'ACCOUNT_CLOSED' };
  }
  if (accountNo.endsWith('27')) {
    return { outcome: 'FAILED', failureCode: 'NAME_MISMATCH' };
  }
  return { outcome: 'PAID' };
}

/**
 * One pass of a bank over the API: every batch not yet settled is acknowledged, its lines fetched page by page
 * and answered (paid or failed), results posted in chunks. Once per run it replays a results request with the
 * same nonce (must be refused) and posts the same results again (must change nothing).
 */
export async function simulateBank(
  client: BankClient,
  options: { pageSize?: number; resultsPerRequest?: number; checkReplay?: boolean } = {},
): Promise<SimulationSummary> {
  const pageSize = options.pageSize ?? 5000;
  const perRequest = options.resultsPerRequest ?? 5000;
  const summary: SimulationSummary = {
    bankCode: client.bankCode,
    batches: 0,
    lines: 0,
    paid: 0,
    failed: 0,
    replayRefused: null,
    repeatUnchanged: null,
  };
  const { items: batches } = await client.ok('GET', '/bank/v1/batches');
  for (const batch of batches as Array<{ batchId: string }>) {
    summary.batches += 1;
    await client.ok('POST', `/bank/v1/batches/${batch.batchId}/acknowledgement`);
    let after = 0;
    for (;;) {
      const page = await client.ok('GET', `/bank/v1/batches/${batch.batchId}/lines?after=${after}&limit=${pageSize}`);
      const pending = (page.items as Array<{ lineId: number; accountNo: string; amountFen: number; status: string }>)
        .filter((line) => line.status === 'PENDING')
        .map((line) => {
          const result = simulatedOutcome(line.accountNo);
          return result.outcome === 'PAID'
            ? { lineId: line.lineId, outcome: 'PAID', amountFen: line.amountFen, bankReference: `SIM${line.lineId}` }
            : { lineId: line.lineId, ...result, amountFen: line.amountFen, failureReason: '模拟银行回盘' };
        });
      for (let i = 0; i < pending.length && pending.length > 0; i += perRequest) {
        const results = pending.slice(i, i + perRequest);
        const signed = client.sign('POST', `/bank/v1/batches/${batch.batchId}/results`, { results });
        const posted = await client.send(signed);
        if (posted.status !== 200) {
          throw new Error(`results for ${batch.batchId} answered ${posted.status}: ${JSON.stringify(posted.body)}`);
        }
        summary.lines += results.length;
        summary.paid += results.filter((r) => r.outcome === 'PAID').length;
        summary.failed += results.filter((r) => r.outcome === 'FAILED').length;
        if (options.checkReplay !== false && summary.replayRefused === null) {
          const replay = await client.send(signed);
          summary.replayRefused = replay.status === 401 && replay.body?.details?.[0]?.field === 'X-Nonce';
          const again = await client.ok('POST', `/bank/v1/batches/${batch.batchId}/results`, { results });
          summary.repeatUnchanged = again.accepted === 0 && again.unchanged === results.length;
        }
      }
      if (page.next === null) {
        break;
      }
      after = page.next;
    }
  }
  return summary;
}
