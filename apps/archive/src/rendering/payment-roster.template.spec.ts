import type { FileAccountingRecordRequest } from '@app/contracts';

import { renderPaymentRoster, rosterTitle } from './payment-roster.template';

describe('the payment roster (发放花名册)', () => {
  const request = (lines: number): FileAccountingRecordRequest => ({
    idempotencyKey: 'roster-2032-01-220102001001-x',
    recordType: 'PAYMENT_ROSTER',
    divisionCode: '220102001001',
    period: '2032-01',
    workflowId: 'payroll-2032-01',
    step: 'payment-roster',
    createdBy: 'system',
    lines: Array.from({ length: lines }, (_, i) => ({
      headName: `户主${i}`,
      accountMasked: `************${String(1000 + i).slice(-4)}`,
      bankCode: 'JLRCB',
      baseFen: 40_000,
      supplementFen: i % 2 === 0 ? 7_700 : 0,
      amountFen: i % 2 === 0 ? 47_700 : 40_000,
      status: i % 10 === 3 ? ('FAILED' as const) : ('PAID' as const),
      bankReference: i % 10 === 3 ? null : `JL${i}`,
    })),
  });
  const filedAt = new Date('2032-02-06T02:00:00Z');
  const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

  it('titles the month and renders the same bytes for the same roster', async () => {
    expect(rosterTitle(request(1))).toBe('最低生活保障金发放花名册（2032-01）');
    const [first, second] = await Promise.all([
      renderPaymentRoster(request(3), filedAt),
      renderPaymentRoster(request(3), filedAt),
    ]);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
  });

  it('runs over as many pages as the community has households', async () => {
    expect(pages(await renderPaymentRoster(request(10), filedAt))).toBe(1);
    expect(pages(await renderPaymentRoster(request(200), filedAt))).toBeGreaterThanOrEqual(4);
  });
});
