import { PDFDocument } from 'pdf-lib';

import { watermarkPdf } from './watermark';

describe('watermarkPdf', () => {
  it('returns a PDF with the same pages and other bytes, leaving the original as it was', async () => {
    const document = await PDFDocument.create();
    document.addPage();
    document.addPage();
    const original = Buffer.from(await document.save());
    const copy = Buffer.from(original);

    const marked = await watermarkPdf(original, 'community1 查阅于 2026-11-27 09:10 仅限低保业务使用');

    expect(original.equals(copy)).toBe(true);
    expect(marked.equals(original)).toBe(false);
    expect((await PDFDocument.load(marked)).getPageCount()).toBe(2);
  });
});
