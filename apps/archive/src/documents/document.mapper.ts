import type { EntityManager } from '@mikro-orm/postgresql';

import type { DocumentReply } from '@app/contracts';
import type { ChainedItem } from '@app/domain';

import { Document } from './document.entity';
import type { ArchiveFile } from '../files/archive-file.entity';

/** `supersededBy`: item id → the id of the later item that corrects it, for the items in question. */
export function toDocumentReply(document: Document, supersededBy?: ReadonlyMap<string, string>): DocumentReply {
  return {
    id: document.id,
    fileId: document.file.id,
    householdId: document.householdId,
    divisionCode: document.file.divisionCode,
    applicationId: document.applicationId,
    itemNo: document.itemNo,
    referenceCode: document.referenceCode,
    documentType: document.documentType,
    archiveClass: document.archiveClass,
    title: document.title,
    mediaType: document.mediaType,
    sha256: document.sha256,
    sizeBytes: Number(document.sizeBytes),
    pageCount: document.pageCount,
    step: document.step,
    workflowId: document.workflowId,
    createdBy: document.createdBy,
    filedAt: document.filedAt.toISOString(),
    entryHash: document.entryHash,
    supersedesDocumentId: document.supersedesId,
    supersededByDocumentId: supersededBy?.get(document.id) ?? null,
  };
}

/** The fields of an item its chain entry covers. `supersedesItemNo` is looked up by the caller. */
export function chainedFields(
  document: Omit<Document, 'file' | 'entryHash' | 'id' | 'createdAt' | 'updatedAt'>,
  file: Pick<ArchiveFile, 'referenceCode' | 'divisionCode'>,
  supersedesItemNo: number | null,
): ChainedItem {
  return {
    fileCode: file.referenceCode,
    itemNo: document.itemNo,
    itemCode: document.referenceCode,
    householdId: document.householdId,
    applicationId: document.applicationId,
    divisionCode: file.divisionCode,
    documentType: document.documentType,
    archiveClass: document.archiveClass,
    title: document.title,
    mediaType: document.mediaType,
    sha256: document.sha256,
    sizeBytes: Number(document.sizeBytes),
    pageCount: document.pageCount,
    workflowId: document.workflowId,
    step: document.step,
    createdBy: document.createdBy,
    filedAt: document.filedAt.toISOString(),
    supersedesItemNo,
  };
}

/** Which of these items a later one of them corrects: superseded item id → correcting item id. */
export function correctionsAmong(items: Array<Pick<Document, 'id' | 'supersedesId'>>): Map<string, string> {
  return new Map(items.filter((item) => item.supersedesId).map((item) => [item.supersedesId!, item.id]));
}

/** For the given items, the later items that correct them (item id → correcting item id). */
export async function supersedingItems(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const corrections = await em.find(Document, { supersedesId: { $in: ids } }, { fields: ['id', 'supersedesId'] });
  return new Map(corrections.map((correction) => [correction.supersedesId!, correction.id]));
}
