import PDFDocument from 'pdfkit';

const FONT_PATH = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

export interface PdfSection {
  label: string;
  value: string;
}

export interface PdfContent {
  title: string;
  /** Lines under the title, e.g. the issuing office. */
  subtitle?: string;
  fields: PdfSection[];
  /** Closing paragraphs. */
  notes?: string[];
  footer: string;
  /** Fixed creation date so the same input renders the same bytes. */
  createdAt: Date;
}

/**
 * An A4 PDF with the embedded Chinese font selected and fixed dates (same input, same bytes). Write to `doc`,
 * call `doc.end()`, await `bytes`.
 */
export function startPdf(
  title: string,
  createdAt: Date,
  margin: number,
): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    info: { Title: title, Creator: 'dibao', Producer: 'dibao', CreationDate: createdAt, ModDate: createdAt },
  });
  const bytes = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', FONT_PATH);
  doc.font('cjk');
  return { doc, bytes };
}

/** Renders a one-page A4 PDF in Simplified Chinese (Noto Sans SC, embedded as a subset). */
export function renderPdf(content: PdfContent): Promise<Buffer> {
  const { doc, bytes } = startPdf(content.title, content.createdAt, 56);
  doc.fontSize(20).text(content.title, { align: 'center' });
  if (content.subtitle) {
    doc
      .moveDown(0.3)
      .fontSize(11)
      .fillColor('#555555')
      .text(content.subtitle, { align: 'center' })
      .fillColor('#000000');
  }
  doc.moveDown(1.2);
  for (const field of content.fields) {
    doc.fontSize(12).text(`${field.label}：`, { continued: true }).text(field.value);
    doc.moveDown(0.5);
  }
  for (const note of content.notes ?? []) {
    doc.moveDown(0.6).fontSize(11).text(note, { align: 'left' });
  }
  doc.moveDown(2).fontSize(9).fillColor('#777777').text(content.footer, { align: 'right' });
  doc.end();
  return bytes;
}
