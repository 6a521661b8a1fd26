import { Injectable } from '@nestjs/common';
import { CreateRequestContext, EntityManager } from '@mikro-orm/postgresql';

import { type ArchiveFileReply, PERMISSIONS } from '@app/contracts';
import { assertPermission, requireCaller } from '@app/platform';

import { ArchiveFile } from './archive-file.entity';
import { assertReadable } from '../borrowing/borrowing.service';
import { Document } from '../documents/document.entity';
import { correctionsAmong, toDocumentReply } from '../documents/document.mapper';

/** Household files as a reader sees them: code, place in cabinet and box, items in filing order. */
@Injectable()
export class ArchiveFilesService {
  constructor(private readonly em: EntityManager) {}

  @CreateRequestContext()
  async get(householdId: string): Promise<ArchiveFileReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.documentRead);
    // The file and its items at once; nothing leaves before the caller may read the file. A correction is filed in
    // the file of the item it corrects, so the items themselves say which are superseded.
    const [file, items] = await Promise.all([
      this.em.findOne(ArchiveFile, { householdId }),
      this.em.find(Document, { file: { householdId } }, { orderBy: { itemNo: 'asc' } }),
    ]);
    await assertReadable(this.em, caller, file);
    const supersededBy = correctionsAmong(items);
    return toArchiveFileReply(
      file!,
      items.map((item) => toDocumentReply(item, supersededBy)),
    );
  }
}

export function toArchiveFileReply(file: ArchiveFile, items: ArchiveFileReply['items']): ArchiveFileReply {
  return {
    id: file.id,
    householdId: file.householdId,
    referenceCode: file.referenceCode,
    fondsCode: file.fondsCode,
    year: file.openedYear,
    cabinetCode: file.cabinetCode,
    boxCode: file.divisionCode,
    divisionCode: file.divisionCode,
    itemCount: file.itemCount,
    pageCount: file.pageCount,
    headHash: file.headHash,
    openedAt: file.createdAt.toISOString(),
    items,
  };
}
