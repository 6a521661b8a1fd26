import { Injectable } from '@nestjs/common';
import { CreateRequestContext, EntityManager } from '@mikro-orm/postgresql';

import { type ArchiveFileReply, PERMISSIONS } from '@app/contracts';
import { assertPermission, requireCaller } from '@app/platform';

import { ArchiveFile } from './archive-file.entity';
import { assertReadable } from '../borrowing/borrowing.service';
import { Document } from '../documents/document.entity';
import { supersedingItems, toDocumentReply } from '../documents/document.mapper';

/** Household files as a reader sees them: code, place in cabinet and box, items in filing order. */
@Injectable()
export class ArchiveFilesService {
  constructor(private readonly em: EntityManager) {}

  @CreateRequestContext()
  async get(householdId: string): Promise<ArchiveFileReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.documentRead);
    const file = await this.em.findOne(ArchiveFile, { householdId });
    await assertReadable(this.em, caller, file);
    const items = await this.em.find(Document, { file: file! }, { orderBy: { itemNo: 'asc' } });
    const supersededBy = await supersedingItems(
      this.em,
      items.map((item) => item.id),
    );
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
