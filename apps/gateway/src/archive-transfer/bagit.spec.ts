import { createHash } from 'node:crypto';

import { BAGIT_TXT, BagManifest, bagInfo, itemPath, tagManifest } from './bagit';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('BagIt tag files', () => {
  it('lists each payload file with its sha256 and counts octets and streams', () => {
    const manifest = new BagManifest();
    manifest.add('data/a/0001-X.pdf', Buffer.from('hello'));
    manifest.add('data/a/file.json', Buffer.from('{}'));
    expect(manifest.manifest).toBe(`${sha('hello')}  data/a/0001-X.pdf\n${sha('{}')}  data/a/file.json\n`);
    expect(manifest.payloadOxum).toBe('7.2');
  });

  it('refuses a payload path outside data/ and encodes line breaks and % in paths', () => {
    const manifest = new BagManifest();
    expect(() => manifest.add('bag-info.txt', Buffer.from(''))).toThrow('outside data/');
    manifest.add('data/50%\nx', Buffer.from(''));
    expect(manifest.manifest).toContain('  data/50%25%0Ax\n');
  });

  it('writes the version declaration, folded bag-info values and a tag manifest', () => {
    expect(BAGIT_TXT).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    expect(bagInfo([['External-Description', '移交\r\n县档案馆']])).toBe('External-Description: 移交 县档案馆\n');
    expect(tagManifest([{ path: 'bagit.txt', content: BAGIT_TXT }])).toBe(`${sha(BAGIT_TXT)}  bagit.txt\n`);
  });

  it('names items by file code, zero-padded item number and type', () => {
    expect(itemPath('220102-DB·2026-D5-220102001·001-0007', 3, 'SURVEY_FORM', 'application/pdf')).toBe(
      'data/220102-DB·2026-D5-220102001·001-0007/0003-SURVEY_FORM.pdf',
    );
    expect(itemPath('F', 12, 'PHOTO', 'image/jpeg')).toBe('data/F/0012-PHOTO.jpg');
  });
});
