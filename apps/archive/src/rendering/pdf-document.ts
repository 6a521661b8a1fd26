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

/** Renders a one-page A4 PDF in Simplified Chinese (Noto Sans SC, embedded as a subset). */
export function renderPdf(content: PdfContent): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: {
        Title: content.title,
        Creator: 'dibao',
        Producer: 'dibao',
        CreationDate: content.createdAt,
        ModDate: content.createdAt,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.registerFont('cjk', FONT_PATH);
    doc.font('cjk');
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
  });
}
