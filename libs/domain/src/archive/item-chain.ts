import { sha256Hex } from '../hashing/sha256';

/**
 * The hash chain of a household file: each item's entry hash covers the previous entry's hash, the item's
 * content hash and its metadata as filed. Changing a byte of the content, a field of the metadata, the order
 * of the items or removing one breaks the chain from that item on.
 */
export interface ChainedItem {
  fileCode: string;
  itemNo: number;
  itemCode: string;
  householdId: string;
  applicationId: string;
  divisionCode: string;
  documentType: string;
  archiveClass: string;
  title: string;
  mediaType: string;
  sha256: string;
  sizeBytes: number;
  pageCount: number | null;
  workflowId: string;
  step: string;
  createdBy: string;
  /** ISO-8601 with milliseconds, UTC (`Date.toISOString()`). */
  filedAt: string;
  supersedesItemNo: number | null;
}

const ORDER: Array<keyof ChainedItem> = [
  'fileCode',
  'itemNo',
  'itemCode',
  'householdId',
  'applicationId',
  'divisionCode',
  'documentType',
  'archiveClass',
  'title',
  'mediaType',
  'sha256',
  'sizeBytes',
  'pageCount',
  'workflowId',
  'step',
  'createdBy',
  'filedAt',
  'supersedesItemNo',
];

/** The hash before a file's first item: bound to the file's reference code. */
export function fileGenesisHash(fileCode: string): string {
  return sha256Hex(`dibao-archive-file/v1\n${fileCode}`);
}

/** sha256 over the previous entry hash and the item's fields (a JSON array in fixed order). */
export function itemEntryHash(prevHash: string, item: ChainedItem): string {
  return sha256Hex(prevHash + JSON.stringify(ORDER.map((key) => item[key])));
}

export interface ChainBreak {
  itemNo: number;
  /** METADATA_CHANGED: the stored entry hash does not follow from the stored fields and the entry before. */
  problem: 'METADATA_CHANGED';
}

/** Walks items in item order; returns the first item whose stored entry hash does not hold, and the head. */
export function verifyItemChain(
  fileCode: string,
  items: Array<ChainedItem & { entryHash: string }>,
): { head: string; firstBreak?: ChainBreak } {
  let prev = fileGenesisHash(fileCode);
  for (const item of items) {
    const expected = itemEntryHash(prev, item);
    if (expected !== item.entryHash) {
      return { head: prev, firstBreak: { itemNo: item.itemNo, problem: 'METADATA_CHANGED' } };
    }
    prev = expected;
  }
  return { head: prev };
}
