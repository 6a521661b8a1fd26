import type { AccountingRecordType, FileAccountingRecordRequest, StatisticsRow } from '@app/contracts';
import { formatYuan, RECORD_RETENTION } from '@app/domain';

import { startPdf } from './pdf-document';

/** An ideographic space (U+3000) between items of a Chinese line. */
const GAP = '\u3000';

type StatisticsType = Exclude<AccountingRecordType, 'PAYMENT_ROSTER'>;

const COLUMNS: Array<{ label: string; width: number; cell: (row: StatisticsRow, index: number) => string }> = [
  { label: '序号', width: 36, cell: (_row, index) => String(index + 1) },
  { label: '社区（村）', width: 96, cell: (row) => row.divisionCode },
  { label: '保障户数', width: 66, cell: (row) => String(row.households) },
  { label: '发放笔数', width: 66, cell: (row) => String(row.payments) },
  { label: '已发放（元）', width: 92, cell: (row) => formatYuan(row.paidFen) },
  { label: '发放失败（元）', width: 92, cell: (row) => formatYuan(row.failedFen) },
  { label: '笔均（元）', width: 79, cell: (row) => average(row) },
];

function average(row: Pick<StatisticsRow, 'paidFen' | 'payments'>): string {
  return row.payments === 0 ? '—' : formatYuan(Math.round(row.paidFen / row.payments));
}

/** 最低生活保障统计月报（2026-11）, 统计季报（2026年第4季度）, 统计年报（2026年度）. */
export function statisticsTitle(recordType: StatisticsType, period: string): string {
  switch (recordType) {
    case 'STATISTICS_MONTHLY':
      return `最低生活保障统计月报（${period}）`;
    case 'STATISTICS_QUARTERLY':
      return `最低生活保障统计季报（${period.slice(0, 4)}年第${period.slice(-1)}季度）`;
    case 'STATISTICS_ANNUAL':
      return `最低生活保障统计年报（${period}年度）`;
  }
}

/**
 * A county's statistics report for a month, a quarter or a year: per community the households paid, the
 * payments made, the amounts paid and failed, and the average payment, with the county's totals. An
 * administrative record (文书档案). Same input, same bytes.
 */
export function renderStatisticsReport(request: FileAccountingRecordRequest, filedAt: Date): Promise<Buffer> {
  const recordType = request.recordType as StatisticsType;
  const rows = request.rows ?? [];
  const title = statisticsTitle(recordType, request.period);
  const { doc, bytes } = startPdf(title, new Date(`${request.period.slice(0, 4)}-01-01T00:00:00+08:00`), 40);
  const left = 40;
  const rowHeight = 16;
  const bottom = doc.page.height - 60;
  const retention = RECORD_RETENTION[recordType].years === null ? '永久' : `${RECORD_RETENTION[recordType].years}年`;
  const line = (cells: string[], y: number) => {
    let x = left;
    cells.forEach((cell, index) => {
      doc.text(cell, x, y, { width: COLUMNS[index].width - 4, lineBreak: false, ellipsis: true });
      x += COLUMNS[index].width;
    });
    doc.y = y + rowHeight;
  };
  const header = () => {
    doc.fontSize(8).fillColor('#000000');
    line(
      COLUMNS.map((column) => column.label),
      doc.y,
    );
  };

  doc.fontSize(16).text(title, { align: 'center' });
  doc
    .moveDown(0.3)
    .fontSize(10)
    .fillColor('#555555')
    .text(
      `县（市、区）${request.divisionCode}${GAP}共${rows.length}个社区（村）${GAP}文书档案${GAP}保管期限：${retention}`,
      {
        align: 'center',
      },
    )
    .fillColor('#000000');
  doc.moveDown(1);
  header();
  rows.forEach((row, index) => {
    if (doc.y + rowHeight > bottom) {
      doc.addPage();
      doc.y = 40;
      header();
    }
    doc.fontSize(8);
    line(
      COLUMNS.map((column) => column.cell(row, index)),
      doc.y,
    );
  });
  const total = rows.reduce(
    (sum, row) => ({
      households: sum.households + row.households,
      payments: sum.payments + row.payments,
      paidFen: sum.paidFen + row.paidFen,
      failedFen: sum.failedFen + row.failedFen,
    }),
    { households: 0, payments: 0, paidFen: 0, failedFen: 0 },
  );
  if (doc.y + 60 > bottom) {
    doc.addPage();
    doc.y = 40;
  }
  doc.fontSize(8);
  line(
    [
      '合计',
      '',
      String(total.households),
      String(total.payments),
      formatYuan(total.paidFen),
      formatYuan(total.failedFen),
      average(total),
    ],
    doc.y + 4,
  );
  doc
    .moveDown(1.5)
    .fontSize(8)
    .fillColor('#777777')
    .text(
      `本报表由低保业务系统根据发放记录生成，作为文书档案归档（${filedAt.toISOString().slice(0, 10)}；${request.step}）。户数按期间内至少发放一次计。`,
      left,
      doc.y,
      { align: 'right' },
    );
  doc.end();
  return bytes;
}
