import type { FileAccountingRecordRequest } from '@app/contracts';

import { renderStatisticsReport, statisticsTitle } from './statistics-report.template';

describe('the statistics reports (统计月报、季报、年报)', () => {
  const request = (rows: number, recordType: FileAccountingRecordRequest['recordType'] = 'STATISTICS_MONTHLY') => ({
    idempotencyKey: 'statistics-x',
    recordType,
    divisionCode: '220102',
    period: '2032-01',
    workflowId: 'payroll-2032-01',
    step: 'statistics-report',
    createdBy: 'system',
    rows: Array.from({ length: rows }, (_, i) => ({
      divisionCode: `220102001${String(i + 1).padStart(3, '0')}`,
      households: 10 + i,
      payments: 10 + i,
      paidFen: (10 + i) * 47_700,
      failedFen: i % 3 === 0 ? 40_000 : 0,
    })),
  });
  const filedAt = new Date('2032-02-06T02:00:00Z');
  const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

  it('titles the month, the quarter and the year', () => {
    expect(statisticsTitle('STATISTICS_MONTHLY', '2032-01')).toBe('最低生活保障统计月报（2032-01）');
    expect(statisticsTitle('STATISTICS_QUARTERLY', '2032-Q1')).toBe('最低生活保障统计季报（2032年第1季度）');
    expect(statisticsTitle('STATISTICS_ANNUAL', '2032')).toBe('最低生活保障统计年报（2032年度）');
  });

  it('renders the same bytes for the same figures, over as many pages as there are communities', async () => {
    const [first, second] = await Promise.all([
      renderStatisticsReport(request(3), filedAt),
      renderStatisticsReport(request(3), filedAt),
    ]);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
    expect(pages(first)).toBe(1);
    expect(pages(await renderStatisticsReport(request(150), filedAt))).toBeGreaterThanOrEqual(3);
  });
});
