import { PDFDocument } from 'pdf-lib';

import { renderPdf } from './pdf-document';

const content = (title: string) => ({
  title,
  subtitle: '长春市宽城区民政局',
  fields: [
    { label: '申请人', value: '龘靐齉 (生僻字)' },
    { label: '意见', value: '经入户调查，家庭人均收入低于当地最低生活保障标准，同意。' },
  ],
  notes: ['本件由系统生成并已归档。'],
  footer: 'dibao',
  createdAt: new Date('2026-11-27T01:00:00Z'),
});

describe('renderPdf with the font parsed once per process', () => {
  it('gives the bytes a fresh parse gives, document after document', async () => {
    for (const title of ['社区（村）初审意见', '街道（乡镇）审核意见', '县级民政部门审核确认意见']) {
      const [sharedParse, freshParse] = [
        await renderPdf(content(title)),
        await renderPdf(content(title), { freshFont: true }),
      ];
      expect(sharedParse.equals(freshParse)).toBe(true);
    }
  });

  it('embeds only the glyphs each document uses: a short document after a long one is as small as alone', async () => {
    const many =
      '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面';
    const long = await renderPdf({ ...content('长'), notes: [many.repeat(3)] });
    const short = await renderPdf(content('短'));
    expect(long.length).toBeGreaterThan(short.length);
    expect(short.equals(await renderPdf(content('短'), { freshFont: true }))).toBe(true);
    expect((await PDFDocument.load(short)).getPageCount()).toBe(1);
  });
});
