import { PDFDocument } from 'pdf-lib';

import { readContent } from './content-check';

async function pdf(pages: number): Promise<Buffer> {
  const document = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) {
    document.addPage();
  }
  return Buffer.from(await document.save({ addDefaultPage: false }));
}

describe('readContent (usability)', () => {
  it('reads a PDF and counts its pages', async () => {
    expect(await readContent(await pdf(3), 'application/pdf')).toEqual({ readable: true, pageCount: 3 });
  });

  it('refuses a truncated PDF, a PDF without pages and bytes that only start like a PDF', async () => {
    const whole = await pdf(2);
    expect((await readContent(whole.subarray(0, whole.length / 3), 'application/pdf')).readable).toBe(false);
    expect((await readContent(await pdf(0), 'application/pdf')).readable).toBe(false);
    expect(await readContent(Buffer.from('%PDF-1.7\nnot really'), 'application/pdf')).toMatchObject({
      readable: false,
    });
    expect(await readContent(Buffer.from('hello'), 'application/pdf')).toEqual({
      readable: false,
      reason: 'PDF 文件头缺失',
    });
  });

  it('checks the start and end markers of images', async () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), Buffer.from([0xff, 0xd9])]);
    expect(await readContent(jpeg, 'image/jpeg')).toEqual({ readable: true, pageCount: 1 });
    expect((await readContent(jpeg.subarray(0, 6), 'image/jpeg')).readable).toBe(false);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(20),
      Buffer.from('IEND'),
      Buffer.alloc(4),
    ]);
    expect(await readContent(png, 'image/png')).toEqual({ readable: true, pageCount: 1 });
    expect((await readContent(png.subarray(0, 20), 'image/png')).readable).toBe(false);
  });
});
