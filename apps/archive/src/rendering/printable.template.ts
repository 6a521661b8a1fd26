import type { RenderPrintableRequest } from '@app/contracts';

import { startPdf } from './pdf-document';

const MARGIN = 44;
const WIDTH = 595.28 - 2 * MARGIN;

/**
 * A printable view (the household dossier) as A4 pages in Chinese: title, sections of lines and tables, the
 * footer, and the watermark (viewer and time) drawn diagonally across every page before its content.
 */
export async function renderPrintable(
  request: RenderPrintableRequest,
  at: Date,
): Promise<{ content: Buffer; pageCount: number }> {
  const { doc, bytes } = startPdf(request.title, at, MARGIN);
  let pages = 0;
  const watermark = () => {
    pages += 1;
    const { x, y } = { x: doc.x, y: doc.y };
    doc.save();
    doc.fillColor('#b0b0b0').fillOpacity(0.35).fontSize(17);
    doc.rotate(-30, { origin: [doc.page.width / 2, doc.page.height / 2] });
    for (const offset of [-220, 0, 220]) {
      doc.text(request.watermark, 40, doc.page.height / 2 + offset, {
        width: doc.page.width - 80,
        align: 'center',
        lineBreak: false,
      });
    }
    doc.restore();
    doc.fillColor('#000000').fillOpacity(1);
    doc.x = x;
    doc.y = y;
  };
  watermark();
  doc.on('pageAdded', watermark);

  doc.fontSize(18).text(request.title, MARGIN, MARGIN, { align: 'center', width: WIDTH });
  if (request.subtitle) {
    doc.moveDown(0.3).fontSize(10).fillColor('#555555').text(request.subtitle, { align: 'center', width: WIDTH });
    doc.fillColor('#000000');
  }
  for (const section of request.sections) {
    doc.moveDown(0.9).fontSize(13).text(section.heading, MARGIN, doc.y, { width: WIDTH });
    doc
      .moveTo(MARGIN, doc.y + 2)
      .lineTo(MARGIN + WIDTH, doc.y + 2)
      .strokeColor('#999999')
      .stroke();
    doc.moveDown(0.4).fontSize(10);
    for (const line of section.lines ?? []) {
      doc.text(line, MARGIN, doc.y, { width: WIDTH });
    }
    if (section.table) {
      table(doc, section.table.columns, section.table.rows);
    }
  }
  doc.moveDown(1.5).fontSize(8).fillColor('#777777').text(request.footer, MARGIN, doc.y, { width: WIDTH });
  doc.end();
  return { content: await bytes, pageCount: pages };
}

/** Columns share the width equally; cells wrap; a row that does not fit starts a new page. */
function table(doc: PDFKit.PDFDocument, columns: string[], rows: string[][]): void {
  const width = WIDTH / Math.max(1, columns.length);
  const bottom = doc.page.height - MARGIN - 20;
  const row = (cells: string[], color: string) => {
    const texts = columns.map((_column, index) => String(cells[index] ?? '').slice(0, 300));
    const height = Math.max(12, ...texts.map((text) => doc.fontSize(8).heightOfString(text, { width: width - 4 })));
    if (doc.y + height > bottom) {
      doc.addPage();
      doc.y = MARGIN;
    }
    const top = doc.y;
    texts.forEach((text, index) => {
      doc
        .fillColor(color)
        .fontSize(8)
        .text(text, MARGIN + index * width, top, { width: width - 4 });
    });
    doc.fillColor('#000000');
    doc.y = top + height + 3;
  };
  row(columns, '#444444');
  for (const cells of rows) {
    row(cells, '#000000');
  }
  doc.x = MARGIN;
}
