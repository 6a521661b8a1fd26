import { sniffEvidenceType } from './media-type';

const bytes = (...parts: Array<number[] | string>) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));

describe('sniffEvidenceType', () => {
  it('recognises PDF, JPEG, PNG and OFD by their bytes', () => {
    expect(sniffEvidenceType(bytes('%PDF-1.7\n%âãÏÓ'))).toEqual({ mediaType: 'application/pdf' });
    expect(sniffEvidenceType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]))).toEqual({
      mediaType: 'image/jpeg',
    });
    expect(sniffEvidenceType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toEqual({
      mediaType: 'image/png',
    });
    expect(sniffEvidenceType(bytes([0x50, 0x4b, 0x03, 0x04], 'xxxxOFD.xml....'))).toEqual({
      mediaType: 'application/ofd',
    });
  });

  it('refuses an executable renamed .pdf and says what it is', () => {
    expect(sniffEvidenceType(bytes('MZ\x90\x00\x03\x00\x00\x00'))).toEqual({
      reason: '文件内容是可执行程序，不能作为证明材料上传',
    });
  });

  it('refuses a plain ZIP, text, and empty content', () => {
    expect(sniffEvidenceType(bytes([0x50, 0x4b, 0x03, 0x04], 'word/document.xml')).mediaType).toBeUndefined();
    expect(sniffEvidenceType(bytes('hello world, not a file')).reason).toContain('不受支持');
    expect(sniffEvidenceType(bytes('')).reason).toContain('为空');
  });
});
