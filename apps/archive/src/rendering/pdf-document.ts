import { readFileSync } from 'node:fs';

import PDFDocument from 'pdfkit';

const FONT_PATH = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
let fontBytes: Buffer | undefined;

/** pdfkit's own state of a document's fonts (not in its typings). */
interface PdfFontState {
  _font: { font: unknown; name: string; constructor: EmbeddedFontClass } | null;
  _fontSource: unknown;
  _fontCount: number;
  _fontFamilies: Record<string, unknown>;
}
type EmbeddedFontClass = new (doc: PDFKit.PDFDocument, font: unknown, id: string) => PdfFontState['_font'];

/**
 * The font parsed once per process. pdfkit parses a font anew for every document (its 65,000 glyph offsets and
 * metrics: ~25 ms of a ~30 ms form) and has no public way to take a parsed one, so the first document's parse
 * and pdfkit's embedded-font class are kept and given to the next documents, with two things pdfkit and fontkit
 * would otherwise redo for every document (7.2 → 3.5 ms of CPU a form):
 * - the layout of a piece of text (its glyphs and advances: the same for every document; pdfkit keeps them per
 *   document, here per process, started afresh every LAYOUTS_KEPT_FOR documents so that the lines of forms —
 *   names, opinions — are not hoarded);
 * - each glyph's outline header, decoded again every time a document's subset takes the glyph in. It is read
 *   only (the font has no variations that would transform it) and kept with the glyph, which the font keeps.
 * Each document still builds its own subset: the bytes are those of a fresh parse (a unit test renders both ways
 * and compares them).
 */
let shared: { font: unknown; EmbeddedFont: EmbeddedFontClass; layouts: Record<string, unknown> } | undefined;
const LAYOUTS_KEPT_FOR = 1_000;
let documentsOnLayouts = 0;

/** fontkit's font and glyph, as far as the memo below touches them (not in its typings). */
interface FontkitFont {
  _variationProcessor?: unknown;
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph;
}
interface FontkitGlyph {
  _decode(): unknown;
  _decodedOnce?: true;
}

/** The font's glyphs each decode their outline header once; a variable font (whose outlines move) is left alone. */
function decodeGlyphsOnce(font: FontkitFont): void {
  if (font._variationProcessor) {
    return;
  }
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints);
    if (!glyph._decodedOnce) {
      const decode = glyph._decode.bind(glyph);
      let decoded: { value: unknown } | undefined;
      glyph._decode = () => (decoded ??= { value: decode() }).value;
      glyph._decodedOnce = true;
    }
    return glyph;
  };
}

/** The layouts every document of the process shares, started afresh every LAYOUTS_KEPT_FOR documents. */
function sharedLayouts(): Record<string, unknown> {
  if (++documentsOnLayouts > LAYOUTS_KEPT_FOR) {
    documentsOnLayouts = 1;
    shared!.layouts = Object.create(null) as Record<string, unknown>;
  }
  return shared!.layouts;
}

/** Selects the embedded Chinese font in `doc`: the shared parse, or a fresh one when `fresh`. */
function selectFont(doc: PDFKit.PDFDocument, fresh: boolean): void {
  const state = doc as unknown as PdfFontState;
  if (fresh || !shared) {
    doc.font((fontBytes ??= readFileSync(FONT_PATH)));
    if (!fresh) {
      shared = {
        font: state._font!.font,
        EmbeddedFont: state._font!.constructor,
        layouts: Object.create(null) as Record<string, unknown>,
      };
      decodeGlyphsOnce(shared.font as FontkitFont);
      (state._font as unknown as { layoutCache: unknown }).layoutCache = sharedLayouts();
    }
    return;
  }
  state._fontCount += 1;
  const font = new shared.EmbeddedFont(doc, shared.font, `F${state._fontCount}`)!;
  (font as unknown as { layoutCache: unknown }).layoutCache = sharedLayouts();
  state._font = font;
  // Where pdfkit restores "the font before" (its tables), it looks the source up by name: the name finds this one.
  state._fontSource = font.name;
  state._fontFamilies[font.name] = font;
}

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
  options: { freshFont?: boolean } = {},
): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    // No Helvetica: pdfkit would parse its metrics for every document, and nothing here is written in it.
    font: null as unknown as string,
    info: { Title: title, Creator: 'dibao', Producer: 'dibao', CreationDate: createdAt, ModDate: createdAt },
  });
  const bytes = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  selectFont(doc, options.freshFont ?? false);
  return { doc, bytes };
}

/** Renders a one-page A4 PDF in Simplified Chinese (Noto Sans SC, embedded as a subset). */
export function renderPdf(content: PdfContent, options: { freshFont?: boolean } = {}): Promise<Buffer> {
  const { doc, bytes } = startPdf(content.title, content.createdAt, 56, options);
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
