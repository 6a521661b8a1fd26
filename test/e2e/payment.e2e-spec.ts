import { randomUUID } from 'node:crypto';

import { addMonths, beijingDate, DEMO_BANKS } from '@app/domain';
import { runBankSimulator } from '@test/support/bank-simulator-process';
import { makeIdNumber } from '@test/support/factories/application.factory';
import { BASE_URL, call, type Json, purpose, tokenOf, until } from '@test/support/http-client';

import { BankClient } from '../bank-simulator/bank-client';

const [JLRCB] = DEMO_BANKS;

/**
 * Payment through the running stack: the county enrols households, finance starts a month's payroll, the bank
 * simulator (a separate process) pays it over the signed /bank/v1 API, and staff see the statement, the failed
 * line with the bank's reason, and re-issue it. Each run uses a month of its own, far ahead.
 */
describe('payment through the gateway and the bank API (running stack)', () => {
  const month = `${2100 + Math.floor(Math.random() * 800)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`;
  let county: string;
  let finance: string;
  const households: string[] = [];
  const enrolments: string[] = [];
  const accounts = ['6217000033330001', '6217000033330013', '6217000033330002'];

  beforeAll(async () => {
    [county, finance] = await Promise.all([tokenOf('county1'), tokenOf('finance1')]);
  });

  it('enrols, runs the payroll, lets the bank pay it, reconciles, shows the failure and re-issues it', async () => {
    for (const [i, accountNo] of accounts.entries()) {
      const enrolled = await call('POST', '/api/v1/enrolments', {
        token: county,
        headers: { 'Idempotency-Key': randomUUID() },
        body: {
          householdId: randomUUID(),
          // The first as the approval chain enrols (its decisions are filed under the application); the others by hand.
          ...(i === 0 ? { applicationId: randomUUID() } : {}),
          divisionCode: '220102001001',
          headName: ['钱一', '钱二', '钱三'][i],
          headIdNumber: makeIdNumber(),
          bankCode: JLRCB.code,
          accountNo,
          baseFen: 50_000,
          supplementFen: i * 1_000,
          firstMonth: month,
          decision: '南关区民政局审核确认（e2e）',
        },
      });
      expect(enrolled.status).toBe(201);
      expect(enrolled.body.accountNo).toBe(`************${accountNo.slice(-4)}`);
      households.push(enrolled.body.householdId as string);
      enrolments.push(enrolled.body.id as string);
    }

    const started = await call('POST', `/api/v1/payroll/${month}/run`, { token: finance });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ month, workflowId: `payroll-${month}` });
    expect((await call('POST', `/api/v1/payroll/${month}/run`, { token: county })).status).toBe(403);

    // Batches are ready once the bank can see the ones holding our lines.
    const ours = await until(async () => {
      const found = await Promise.all(
        households.map(async (householdId) => {
          const lines = await call('GET', `/api/v1/payment-lines?month=${month}&householdId=${householdId}`, {
            token: finance,
          });
          return (lines.body.items as Json[])[0];
        }),
      );
      return found.every((line) => line?.batchId) ? found : undefined;
    }, 60_000);
    const bank = new BankClient(BASE_URL, JLRCB.code, JLRCB.secret);
    await until(async () => {
      const { items } = await bank.ok('GET', '/bank/v1/batches');
      const visible = new Set((items as Json[]).map((batch) => batch.batchId));
      return ours.every((line) => visible.has(line.batchId)) ? true : undefined;
    }, 60_000);

    const summary = await runBankSimulator('JLRCB');
    expect(summary).toMatchObject({ bankCode: 'JLRCB', replayRefused: true, repeatUnchanged: true });
    expect(summary.failed).toBeGreaterThanOrEqual(1);

    const statement = await call('GET', `/api/v1/payroll/${month}/statement`, { token: finance });
    expect(statement.status).toBe(200);
    const totals = statement.body.totals as Json;
    expect(statement.body.balanced).toBe(true);
    expect(totals.pendingLines).toBe(0);
    // The month pays every household still enrolled, other runs' too (the database outlives a run); some of theirs
    // may be held (暂缓发放) or cancelled, so the month balances with those, and ours are paid or failed.
    expect(totals.expectedFen).toBe(totals.paidFen + totals.failedFen + totals.heldFen + totals.cancelledFen);
    const settled = await Promise.all(
      households.map(async (householdId) => {
        const lines = await call('GET', `/api/v1/payment-lines?month=${month}&householdId=${householdId}`, {
          token: finance,
        });
        return (lines.body.items as Json[])[0]?.status;
      }),
    );
    expect(settled).toEqual(['PAID', 'FAILED', 'PAID']);

    const failed = await call(
      'GET',
      `/api/v1/payment-lines?month=${month}&status=FAILED&householdId=${households[1]}`,
      { token: finance },
    );
    const closed = (failed.body.items as Json[])[0];
    expect(closed).toMatchObject({ failureCode: 'ACCOUNT_CLOSED', accountNo: '************0013', amountFen: 51_000 });

    const badMonth = await call('GET', '/api/v1/payroll/2026-13/statement', { token: finance });
    expect(badMonth.status).toBe(400);
    expect(badMonth.body.details).toEqual([expect.objectContaining({ field: 'month' })]);
    const badLine = await call('POST', '/api/v1/payment-lines/abc/reissue', {
      token: finance,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { accountNo: '6217000033339999', reason: '更正账号' },
    });
    expect(badLine.status).toBe(400);
    expect(badLine.body.details).toEqual([expect.objectContaining({ field: 'id' })]);

    const badAccount = await call('POST', `/api/v1/payment-lines/${closed.id}/reissue`, {
      token: finance,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { accountNo: '6217-00', reason: '更正账号' },
    });
    expect(badAccount.status).toBe(400);
    expect(badAccount.body.details).toEqual([expect.objectContaining({ field: 'accountNo' })]);
    const reissued = await call('POST', `/api/v1/payment-lines/${closed.id}/reissue`, {
      token: finance,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { accountNo: '6217000033339999', reason: '户主已换卡，账号经核实' },
    });
    expect(reissued.status).toBe(200);
    expect(reissued.body).toMatchObject({ status: 'PENDING', attempt: 2 });

    // Only a held month can be cancelled as not owed (不予发放): finance's, with a reason, never a line at a bank.
    const cancel = (token: string, lineId: unknown, body: Json) =>
      call('POST', `/api/v1/payment-lines/${String(lineId)}/cancel`, {
        token,
        headers: { 'Idempotency-Key': randomUUID() },
        body,
      });
    const noReason = await cancel(finance, closed.id, { reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect((await cancel(await tokenOf('community1'), closed.id, { reason: '不应发放' })).status).toBe(403);
    const atBank = await cancel(finance, closed.id, { reason: '不应发放' });
    expect(atBank.status).toBe(409);
    expect(atBank.body.details).toEqual([
      { field: 'lineId', messages: [expect.stringContaining('只有暂缓发放的记录可以不予发放')] },
    ]);

    // The card is closed for good: the benefit is held (its next months sent to no bank) until finance moves it to
    // the new card for the months to come.
    const heldBenefit = await call('GET', `/api/v1/enrolments/${enrolments[1]}`, { token: finance });
    expect(heldBenefit.body.payeeHold).toEqual({
      since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      reason: expect.stringMatching(/^银行反馈账户已销户（.+），暂停向该账户发放$/),
    });
    const heldLines = await call('GET', `/api/v1/payment-lines?status=HELD&householdId=${households[1]}`, {
      token: finance,
    });
    expect(heldLines.status).toBe(200);
    expect(heldLines.body.items).toEqual([]);
    const changePayee = (token: string, body: Json) =>
      call('POST', `/api/v1/enrolments/${enrolments[1]}/payee`, {
        token,
        headers: { 'Idempotency-Key': randomUUID() },
        body,
      });
    const newCard = { bankCode: JLRCB.code, accountNo: '6217000033339999', reason: '原卡已注销，户主已换卡' };
    const moved = await changePayee(finance, newCard);
    expect(moved.status).toBe(200);
    expect(moved.body.accountNo).toBe('************9999');
    expect(moved.body.payeeHold).toBeNull();
    expect((moved.body.changes as Json[]).at(-1)).toMatchObject({
      kind: 'ACCOUNT',
      effectiveMonth: addMonths(month, 1),
      actor: 'finance1',
      payee: { before: { accountNo: '************0013' }, after: { accountNo: '************9999' } },
    });
    // The head is the registry's; a caseworker has no say in payment.
    const namesHead = await changePayee(finance, { ...newCard, accountNo: '6217000033338888', headName: '钱新' });
    expect(namesHead.status).toBe(400);
    expect(namesHead.body.details).toEqual([expect.objectContaining({ field: 'headName' })]);
    expect((await changePayee(await tokenOf('community1'), newCard)).status).toBe(403);

    const noPurpose = await call('GET', `/api/v1/households/${households[0]}/payments`, { token: county });
    expect(noPurpose.status).toBe(400);
    const history = await call('GET', `/api/v1/households/${households[0]}/payments`, {
      token: county,
      headers: purpose('核对发放记录'),
    });
    expect(history.body.items).toEqual([expect.objectContaining({ month, status: 'PAID', amountFen: 50_000 })]);

    // The month turns out not to have been owed: the county orders it back, finance takes the money in.
    const recover = (token: string, body: Json) =>
      call('POST', `/api/v1/enrolments/${enrolments[0]}/recoveries`, {
        token,
        headers: { 'Idempotency-Key': randomUUID() },
        body,
      });
    const overpaid = {
      kind: 'OVERPAYMENT',
      fromMonth: month,
      toMonth: month,
      decision: '南民追〔2026〕1号',
      reason: '家庭成员已就业未及时报告',
    };
    const badMonth2 = await recover(county, { ...overpaid, toMonth: '2026-13' });
    expect(badMonth2.status).toBe(400);
    expect(badMonth2.body.details).toEqual([expect.objectContaining({ field: 'toMonth' })]);
    expect((await recover(finance, overpaid)).status).toBe(403);
    const recovery = await recover(county, overpaid);
    expect(recovery.status).toBe(201);
    expect(recovery.body).toMatchObject({ principalFen: 50_000, fineFen: 0, status: 'OUTSTANDING', paidMonths: 1 });
    const repaid = await call('POST', `/api/v1/recoveries/${String(recovery.body.id)}/repayments`, {
      token: finance,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { amountFen: 50_000, receivedOn: beijingDate(new Date()), receiptNo: 'JK-E2E-001' },
    });
    expect(repaid.status).toBe(200);
    expect(repaid.body).toMatchObject({ status: 'SETTLED', outstandingFen: 0 });
    const listed = await call('GET', `/api/v1/recoveries?householdId=${households[0]}`, { token: finance });
    expect((listed.body.items as Json[]).map((item) => item.id)).toEqual([recovery.body.id]);
  }, 180_000);

  it('refuses unsigned, forged, stale, replayed and malformed bank requests', async () => {
    const bank = new BankClient(BASE_URL, JLRCB.code, JLRCB.secret);
    const unsigned = await fetch(`${BASE_URL}/bank/v1/batches`);
    expect(unsigned.status).toBe(401);

    const wrongSecret = new BankClient(BASE_URL, JLRCB.code, 'not-the-secret');
    const forged = await wrongSecret.request('GET', '/bank/v1/batches');
    expect(forged).toMatchObject({ status: 401, body: { details: [{ field: 'X-Signature' }] } });

    const unknown = await new BankClient(BASE_URL, 'NOBANK', 'x').request('GET', '/bank/v1/batches');
    expect(unknown).toMatchObject({ status: 401, body: { details: [{ field: 'X-Bank-Code' }] } });

    const stale = await bank.send(bank.sign('GET', '/bank/v1/batches', undefined, Date.now() - 10 * 60_000));
    expect(stale).toMatchObject({ status: 401, body: { details: [{ field: 'X-Timestamp' }] } });

    const once = bank.sign('GET', '/bank/v1/batches');
    expect((await bank.send(once)).status).toBe(200);
    expect(await bank.send(once)).toMatchObject({ status: 401, body: { details: [{ field: 'X-Nonce' }] } });

    // The body is part of the signature: a body other than the signed one is refused.
    const path = '/bank/v1/batches/000000-JLRCB-0001/results';
    const signedRequest = bank.sign('POST', path, {
      results: [{ lineId: 1, outcome: 'PAID', amountFen: 1, bankReference: 'A' }],
    });
    const tampered = await bank.send({
      ...signedRequest,
      body: JSON.stringify({ results: [{ lineId: 1, outcome: 'PAID', amountFen: 100_000, bankReference: 'A' }] }),
    });
    expect(tampered).toMatchObject({ status: 401, body: { details: [{ field: 'X-Signature' }] } });

    const malformed = await bank.request('POST', path, { results: [{ lineId: 1, outcome: 'MAYBE', amountFen: 1 }] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    const unknownBatch = await bank.request('POST', path, {
      results: [{ lineId: 1, outcome: 'PAID', amountFen: 1, bankReference: 'A' }],
    });
    expect(unknownBatch).toMatchObject({ status: 404, body: { details: [{ field: 'batchId' }] } });

    const statement = await bank.request('GET', `/bank/v1/statements/${month}`);
    expect(statement.status).toBe(200);
    expect(statement.body).toMatchObject({ bankCode: 'JLRCB', month, balanced: true });
  });
});
