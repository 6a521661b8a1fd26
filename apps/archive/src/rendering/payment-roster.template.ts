import { type FileAccountingRecordRequest, LINE_STATUS_LABELS, type RosterLine } from '@app/contracts';
import { formatYuan } from '@app/domain';

import { startPdf } from './pdf-document';

/** An ideographic space (U+3000) between items of a Chinese line. */
const GAP = '\u3000';

/** Columns of the roster: label, width (pt) and how a line prints in it. */
const COLUMNS: Array<{
  label: string;
  width: number;
  cell: (line: RosterLine, index: number) => string;
}> = [
  { label: '序号', width: 32, cell: (_line, index) => String(index + 1) },
  { label: '户主姓名', width: 70, cell: (line) => line.headName },
  { label: '银行', width: 46, cell: (line) => line.bankCode },
  { label: '账号', width: 92, cell: (line) => line.accountMasked },
  { label: '保障金', width: 52, cell: (line) => formatYuan(line.baseFen) },
  { label: '分类施保金', width: 56, cell: (line) => formatYuan(line.supplementFen) },
  { label: '合计', width: 52, cell: (line) => formatYuan(line.amountFen) },
  { label: '状态', width: 52, cell: (line) => LINE_STATUS_LABELS[line.status] },
  { label: '银行流水号', width: 75, cell: (line) => line.bankReference ?? '' },
];

export function rosterTitle(request: FileAccountingRecordRequest): string {
  return `最低生活保障金发放花名册（${request.period}）`;
}

/**
 * The monthly payment roster of one community (发放花名册) as a multi-page A4 table in Chinese, with the
 * totals per status and in all. Same input, same bytes (fixed dates; the period's first day).
 */
export function renderPaymentRoster(request: FileAccountingRecordRequest, filedAt: Date): Promise<Buffer> {
  const createdAt = new Date(`${request.period}-01T00:00:00+08:00`);
  const lines = request.lines ?? [];
  const { doc, bytes } = startPdf(rosterTitle(request), createdAt, 40);
  const left = 40;
  const rowHeight = 16;
  const bottom = doc.page.height - 60;
  const header = () => {
    let x = left;
    doc.fontSize(8).fillColor('#000000');
    for (const column of COLUMNS) {
      doc.text(column.label, x, doc.y, { width: column.width, lineBreak: false });
      x += column.width;
    }
    doc
      .moveTo(left, doc.y + 12)
      .lineTo(left + 527, doc.y + 12)
      .strokeColor('#999999')
      .stroke();
    doc.y += rowHeight;
  };

  doc.fontSize(16).text(rosterTitle(request), { align: 'center' });
  doc
    .moveDown(0.3)
    .fontSize(10)
    .fillColor('#555555')
    .text(`社区（村）${request.divisionCode}${GAP}共${lines.length}户${GAP}会计档案`, { align: 'center' })
    .fillColor('#000000');
  doc.moveDown(1);
  header();
  lines.forEach((line, index) => {
    if (doc.y + rowHeight > bottom) {
      doc.addPage();
      doc.y = 40;
      header();
    }
    let x = left;
    const y = doc.y;
    doc.fontSize(8);
    for (const column of COLUMNS) {
      doc.text(column.cell(line, index), x, y, { width: column.width - 4, lineBreak: false, ellipsis: true });
      x += column.width;
    }
    doc.y = y + rowHeight;
  });

  const sum = (pick: (line: RosterLine) => boolean) =>
    lines.filter(pick).reduce((total, line) => total + line.amountFen, 0);
  const totals = [
    `应发合计：${formatYuan(sum(() => true))}元`,
    `已发放：${formatYuan(sum((line) => line.status === 'PAID'))}元`,
    `发放失败：${formatYuan(sum((line) => line.status === 'FAILED'))}元`,
    `待回盘：${formatYuan(sum((line) => line.status === 'PENDING'))}元`,
    `暂缓发放：${formatYuan(sum((line) => line.status === 'HELD'))}元`,
  ];
  // Held months found not owed: only on the rosters of the few months that have them.
  const cancelled = sum((line) => line.status === 'CANCELLED');
  if (cancelled > 0) {
    totals.push(`不予发放：${formatYuan(cancelled)}元`);
  }
  if (doc.y + 60 > bottom) {
    doc.addPage();
    doc.y = 40;
  }
  doc.moveDown(1).fontSize(10).text(totals.join(GAP), left, doc.y);
  doc
    .moveDown(1.5)
    .fontSize(8)
    .fillColor('#777777')
    .text(
      `本花名册由低保业务系统在${request.period}发放周期结束时生成，作为会计档案归档（${filedAt.toISOString().slice(0, 10)}；${request.step}）。账号仅显示后四位。`,
      left,
      doc.y,
      { align: 'right' },
    );
  doc.end();
  return bytes;
}
