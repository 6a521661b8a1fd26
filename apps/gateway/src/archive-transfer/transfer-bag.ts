import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { type Pack, pack as tarPack } from 'tar-stream';

import { SUBJECTS, type TransferFilesPageReply, type TransferPackageReply } from '@app/contracts';
import type { MessagingClient } from '@app/platform';

import { BAGIT_TXT, BagManifest, bagInfo, itemPath, tagManifest } from './bagit';

/**
 * Writes a registered transfer package as a BagIt bag in a tar, streamed to `out`: `<package no>/` holds
 * bagit.txt, bag-info.txt, the sha256 manifests, and under data/ one folder per file (its 档号) with file.json
 * (the file's and its items' metadata, with the fields each chain entry covers) and the items' archived bytes.
 * Each item is fetched as archived, one at a time, and checked against its archived sha256 before it goes in:
 * a mismatch aborts the bag rather than ship altered content.
 */
export async function writeTransferBag(
  messaging: MessagingClient,
  firstPage: TransferFilesPageReply,
  out: Writable,
  baggingDate: string,
): Promise<void> {
  const tar = tarPack();
  const streamed = pipeline(tar, out);
  try {
    await writeEntries(messaging, firstPage, tar, out, baggingDate);
    tar.finalize();
    await streamed;
  } catch (error) {
    tar.destroy(error as Error);
    await streamed.catch(() => undefined);
    throw error;
  }
}

async function writeEntries(
  messaging: MessagingClient,
  firstPage: TransferFilesPageReply,
  tar: Pack,
  out: Writable,
  baggingDate: string,
): Promise<void> {
  const transfer = firstPage.package;
  const root = transfer.packageNo;
  const manifest = new BagManifest();
  const write = async (path: string, content: Buffer): Promise<void> => {
    await new Promise<void>((resolve, reject) =>
      tar.entry(
        { name: `${root}/${path}`, size: content.length, mtime: new Date(transfer.createdAt) },
        content,
        (error) => (error ? reject(error) : resolve()),
      ),
    );
    if (out.writableNeedDrain) {
      await once(out, 'drain');
    }
  };
  let page = firstPage;
  for (;;) {
    for (const entry of page.files) {
      const code = entry.file.referenceCode;
      const metadata = Buffer.from(`${JSON.stringify(entry, null, 2)}\n`, 'utf8');
      manifest.add(`data/${code}/file.json`, metadata);
      await write(`data/${code}/file.json`, metadata);
      for (const item of entry.items.filter((candidate) => candidate.contentIncluded)) {
        const reply = await messaging.request(SUBJECTS.archive.documentGetContent, { documentId: item.id });
        const content = Buffer.from(reply.contentBase64, 'base64');
        const path = itemPath(code, item.itemNo, item.documentType, item.mediaType);
        if (manifest.add(path, content) !== item.sha256) {
          throw new Error(`archived content of ${item.referenceCode} does not match its sha256`);
        }
        await write(path, content);
      }
    }
    if (!page.next) {
      break;
    }
    page = await messaging.request(SUBJECTS.archive.transferFiles, { packageId: transfer.id, after: page.next });
  }
  const tagFiles = [
    { path: 'bagit.txt', content: BAGIT_TXT },
    { path: 'bag-info.txt', content: bagInfo(bagInfoFields(transfer, manifest.payloadOxum, baggingDate)) },
    { path: 'manifest-sha256.txt', content: manifest.manifest },
  ];
  for (const tagFile of [...tagFiles, { path: 'tagmanifest-sha256.txt', content: tagManifest(tagFiles) }]) {
    await write(tagFile.path, Buffer.from(tagFile.content, 'utf8'));
  }
}

function bagInfoFields(
  transfer: TransferPackageReply,
  payloadOxum: string,
  baggingDate: string,
): Array<readonly [string, string]> {
  const scope =
    transfer.scope === 'FILE'
      ? `户档案 ${transfer.householdId}`
      : `档案盒 ${transfer.divisionCode}${transfer.year ? `（${transfer.year}年度）` : ''}`;
  return [
    ['Source-Organization', `全宗 ${transfer.fondsCode}（县级民政部门）`],
    ['External-Identifier', transfer.packageNo],
    ['External-Description', `最低生活保障档案移交包：${scope}，共${transfer.fileCount}卷${transfer.itemCount}件`],
    ['Internal-Sender-Identifier', transfer.id],
    ['Internal-Sender-Description', transfer.purpose],
    ['Contact-Name', transfer.createdBy],
    ['Bagging-Date', baggingDate],
    ['Bag-Software-Agent', 'dibao archive'],
    ['Payload-Oxum', payloadOxum],
    ['Dibao-Scope', transfer.scope],
    ['Dibao-Division', transfer.divisionCode],
    ['Dibao-Metadata', 'data/<档号>/file.json: file and item metadata, the hash chain (docs/archive.md)'],
  ];
}
