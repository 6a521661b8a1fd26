/** Evidence file types the archive accepts, decided by the bytes, never by the name or the declared type. */
export type EvidenceMediaType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'application/ofd';

export interface SniffResult {
  mediaType?: EvidenceMediaType;
  /** Why the content was refused, in Chinese, when it was. */
  reason?: string;
}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, index) => bytes[index] === byte);

/**
 * Looks at the first bytes: PDF (%PDF-), JPEG (FF D8 FF), PNG (89 PNG), OFD (a ZIP package whose entries include
 * OFD.xml). Anything else — an executable renamed .pdf, say — is refused with what it looks like.
 */
export function sniffEvidenceType(bytes: Uint8Array): SniffResult {
  if (bytes.length < 8) {
    return { reason: '文件内容为空或过短' };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return { mediaType: 'application/pdf' };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    return { mediaType: 'image/jpeg' };
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { mediaType: 'image/png' };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
    return head.includes('OFD.xml') ? { mediaType: 'application/ofd' } : { reason: '文件是ZIP压缩包而不是OFD版式文件' };
  }
  if (startsWith(bytes, [0x4d, 0x5a])) {
    return { reason: '文件内容是可执行程序，不能作为证明材料上传' };
  }
  return { reason: '文件类型不受支持：只接受PDF、JPEG、PNG或OFD格式' };
}
