import { readFileSync } from 'node:fs';

import fontkit from '@pdf-lib/fontkit';
import { degrees, PDFDocument, rgb } from 'pdf-lib';

const FONT_PATH = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
let fontBytes: Buffer | undefined;

/**
 * A copy of an archived PDF with `text` (the viewer and the time) across every page, for a download. The
 * archived bytes are never changed; the copy is made per download. Only the glyphs used are embedded.
 */
export async function watermarkPdf(content: Buffer, text: string): Promise<Buffer> {
  const pdf = await PDFDocument.load(content, { updateMetadata: false });
  pdf.registerFontkit(fontkit);
  fontBytes ??= readFileSync(FONT_PATH);
  const font = await pdf.embedFont(fontBytes, { subset: true });
  const size = 16;
  for (const page of pdf.getPages()) {
    const { width, height } = page.getSize();
    const textWidth = font.widthOfTextAtSize(text, size);
    for (const offset of [-0.3, 0, 0.3]) {
      page.drawText(text, {
        x: (width - textWidth * 0.87) / 2,
        y: height / 2 + offset * height - textWidth * 0.25,
        size,
        font,
        color: rgb(0.6, 0.6, 0.6),
        opacity: 0.35,
        rotate: degrees(30),
      });
    }
  }
  return Buffer.from(await pdf.save({ updateFieldAppearances: false }));
}

/**
 * What a download gets: with a watermark, a marked copy of a PDF; anything else (images, no watermark asked,
 * a PDF that does not open — the fixity check reports those) as archived.
 */
export async function downloadCopy(
  content: Buffer,
  mediaType: string,
  watermark: string | undefined,
): Promise<{ content: Buffer; watermarked: boolean }> {
  if (!watermark || mediaType !== 'application/pdf') {
    return { content, watermarked: false };
  }
  try {
    return { content: await watermarkPdf(content, watermark), watermarked: true };
  } catch {
    return { content, watermarked: false };
  }
}
