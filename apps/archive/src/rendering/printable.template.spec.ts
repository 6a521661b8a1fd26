import { PDFDocument } from 'pdf-lib';

import { renderPrintable } from './printable.template';

const request = (rows: number, watermark = '查阅人 community1 2026-11-27 09:00') => ({
  title: '低保家庭档案一览',
  subtitle: '南关区华阳社区',
  sections: [
    { heading: '家庭成员', lines: ['户主：张三', '家庭人口：3人'] },
    {
      heading: '发放记录',
      table: {
        columns: ['月份', '金额', '状态'],
        rows: Array.from({ length: rows }, (_, i) => [
          `2026-${String((i % 12) + 1).padStart(2, '0')}`,
          '547.00元',
          '已发放',
        ]),
      },
    },
  ],
  watermark,
  footer: '本件为查阅打印件，不作为档案归档。',
});

describe('renderPrintable', () => {
  const at = new Date('2026-11-27T01:00:00Z');

  it('renders a PDF that opens, with as many pages as it reports', async () => {
    const { content, pageCount } = await renderPrintable(request(200), at);
    const pdf = await PDFDocument.load(content);
    expect(pdf.getPageCount()).toBe(pageCount);
    expect(pageCount).toBeGreaterThan(1);
  });

  it('prints the watermark: another viewer gives other bytes, the same viewer the same bytes', async () => {
    const a = await renderPrintable(request(3), at);
    const b = await renderPrintable(request(3), at);
    const c = await renderPrintable(request(3, '查阅人 street1 2026-11-27 09:00'), at);
    expect(a.content.equals(b.content)).toBe(true);
    expect(a.content.equals(c.content)).toBe(false);
  });
});
