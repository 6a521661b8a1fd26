import { createHash } from 'node:crypto';

/**
 * The tag files of a BagIt bag (RFC 8493, version 1.0): a payload manifest in sha256, bag-info.txt with the
 * Payload-Oxum, and a tag manifest over the other tag files. Pure: the caller writes the bytes.
 */
export class BagManifest {
  private readonly lines: string[] = [];
  private bytes = 0;

  /** Records a payload file (`path` relative to the bag, starting with `data/`); returns its sha256. */
  add(path: string, content: Buffer): string {
    if (!path.startsWith('data/')) {
      throw new Error(`payload path outside data/: ${path}`);
    }
    const sha256 = createHash('sha256').update(content).digest('hex');
    this.lines.push(`${sha256}  ${encodePath(path)}`);
    this.bytes += content.length;
    return sha256;
  }

  /** Octet count and stream count of the payload, e.g. "279164.2". */
  get payloadOxum(): string {
    return `${this.bytes}.${this.lines.length}`;
  }

  get manifest(): string {
    return this.lines.map((line) => `${line}\n`).join('');
  }
}

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/** bag-info.txt: one `Label: value` per line; newlines inside a value are folded to spaces. */
export function bagInfo(fields: ReadonlyArray<readonly [string, string]>): string {
  return fields.map(([label, value]) => `${label}: ${value.replace(/[\r\n]+/g, ' ')}\n`).join('');
}

/** tagmanifest-sha256.txt over the given tag files. */
export function tagManifest(tagFiles: ReadonlyArray<{ path: string; content: string }>): string {
  return tagFiles
    .map(({ path, content }) => `${createHash('sha256').update(content, 'utf8').digest('hex')}  ${encodePath(path)}\n`)
    .join('');
}

/** RFC 8493 §2.1.3: CR, LF and % in a manifest path are percent-encoded. */
function encodePath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'application/ofd': '.ofd',
};

/** The payload name of an item: `data/<file code>/<item no, 4 digits>-<document type>.<ext>`. */
export function itemPath(fileCode: string, itemNo: number, documentType: string, mediaType: string): string {
  return `data/${fileCode}/${String(itemNo).padStart(4, '0')}-${documentType}${EXTENSIONS[mediaType] ?? '.bin'}`;
}
