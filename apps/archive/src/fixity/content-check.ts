import { PDFDocument } from 'pdf-lib';

export type ContentReading = { readable: true; pageCount: number } | { readable: false; reason: string };

/**
 * Whether stored content opens as its media type (the usability property of DA/T 70), and its pages: a PDF
 * must parse, not be encrypted and have at least one page; an image must have its format's start and end
 * markers; an OFD (a zip package) must have its central directory.
 */
export async function readContent(bytes: Buffer, mediaType: string): Promise<ContentReading> {
  switch (mediaType) {
    case 'application/pdf':
      return readPdf(bytes);
    case 'image/jpeg':
      return bytes.length > 4 && bytes.subarray(0, 3).equals(JPEG_START) && trimmedEndsWith(bytes, JPEG_END)
        ? { readable: true, pageCount: 1 }
        : { readable: false, reason: 'JPEG 图像不完整（缺少起止标记）' };
    case 'image/png':
      return bytes.subarray(0, 8).equals(PNG_SIGNATURE) && bytes.includes(PNG_IEND, bytes.length - 16)
        ? { readable: true, pageCount: 1 }
        : { readable: false, reason: 'PNG 图像不完整（缺少文件头或结束块）' };
    case 'application/ofd':
      return bytes.subarray(0, 4).equals(ZIP_START) && bytes.includes(ZIP_END, Math.max(0, bytes.length - 65_557))
        ? { readable: true, pageCount: 1 }
        : { readable: false, reason: 'OFD 文件包不完整' };
    default:
      return { readable: false, reason: `不支持的文件格式：${mediaType}` };
  }
}

async function readPdf(bytes: Buffer): Promise<ContentReading> {
  if (!bytes.subarray(0, 5).equals(PDF_START)) {
    return { readable: false, reason: 'PDF 文件头缺失' };
  }
  try {
    const document = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
    if (document.isEncrypted) {
      return { readable: false, reason: 'PDF 已加密，长期保存格式不允许加密' };
    }
    const pageCount = document.getPageCount();
    return pageCount > 0 ? { readable: true, pageCount } : { readable: false, reason: 'PDF 没有可读的页面' };
  } catch (error) {
    return { readable: false, reason: `PDF 无法解析：${(error as Error).message.slice(0, 120)}` };
  }
}

function trimmedEndsWith(bytes: Buffer, end: Buffer): boolean {
  let last = bytes.length;
  while (last > 0 && (bytes[last - 1] === 0x00 || bytes[last - 1] === 0x0a || bytes[last - 1] === 0x0d)) {
    last -= 1;
  }
  return last >= end.length && bytes.subarray(last - end.length, last).equals(end);
}

const PDF_START = Buffer.from('%PDF-');
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff]);
const JPEG_END = Buffer.from([0xff, 0xd9]);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_IEND = Buffer.from('IEND');
const ZIP_START = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
