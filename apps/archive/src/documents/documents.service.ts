import { randomUUID } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';
import { CreateRequestContext, EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';

import {
  ARCHIVE_CLASS_OF,
  type DocumentContentReply,
  type DocumentReply,
  type FileDocumentRequest,
  type ListDocumentsReply,
  PERMISSIONS,
} from '@app/contracts';
import { canonicalJson, itemCode, itemEntryHash, sha256Hex, sniffEvidenceType } from '@app/domain';
import { AccessError, assertPermission, inScope, isSystemCaller, requireCaller } from '@app/platform';

import { Document } from './document.entity';
import { DocumentError } from './document.errors';
import { chainedFields, supersedingItems, toDocumentReply } from './document.mapper';
import { BlobStore } from '../blobs/blob-store';
import { assertReadable } from '../borrowing/borrowing.service';
import { ArchiveFile } from '../files/archive-file.entity';
import { lockOrOpenFile } from '../files/open-file';
import { readContent } from '../fixity/content-check';
import { RenderingService } from '../rendering/rendering.service';
import { downloadCopy } from '../rendering/watermark';

/** What appending to a file needs of it: where its chain stands. */
type FileHead = Pick<ArchiveFile, 'id' | 'referenceCode' | 'divisionCode' | 'itemCount' | 'headHash'>;
/** A file's head as selected with FILE_HEAD_COLUMNS (all null when the household has no file yet). */
type FileHeadRow = FileHead | { [K in keyof FileHead]: null };
const FILE_HEAD_COLUMNS = `f.id, f.reference_code as "referenceCode", f.division_code as "divisionCode",
       f.item_count as "itemCount", f.head_hash as "headHash"`;

/** Files documents into household files: render, store the bytes by sha256, append the item. */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly blobs: BlobStore,
    private readonly rendering: RenderingService,
  ) {}

  @CreateRequestContext()
  async file(request: FileDocumentRequest): Promise<DocumentReply> {
    // Filing happens as a workflow step completes: only the system (the Temporal worker) files.
    if (!isSystemCaller(requireCaller())) {
      throw AccessError.wrongRole(PERMISSIONS.documentRead);
    }
    const requestHash = sha256Hex(canonicalJson(request));
    // One round trip for the common case: is the key filed already, and where does the household's file stand.
    const [probe] = await this.em.execute<Array<FileHeadRow & { seen: boolean }>>(
      `select exists (select 1 from archive.document where idempotency_key = ?) as seen, ${FILE_HEAD_COLUMNS}
         from (values (1)) as one left join archive.archive_file f on f.household_id = ?`,
      [request.idempotencyKey, request.householdId],
    );
    if (probe.seen) {
      const existing = await this.findByKey(request, requestHash);
      if (existing) {
        return existing;
      }
    }
    /** The file's head as read with the key; read again if someone appended since (see appendItem). */
    let head: FileHead | undefined = probe.id !== null ? probe : undefined;

    const rendered = await this.rendering.render(request);
    const contentHash = sha256Hex(rendered.content);
    const reading = await readContent(rendered.content, rendered.mediaType);
    if (rendered.stored) {
      if (contentHash !== request.evidence?.sha256) {
        throw DocumentError.blobCorrupt(request.evidence!.sha256);
      }
      const sniffed = sniffEvidenceType(rendered.content);
      if (sniffed.mediaType !== rendered.mediaType) {
        throw DocumentError.typeMismatch(rendered.mediaType, sniffed.mediaType ?? sniffed.reason ?? '未知');
      }
    } else {
      // Bytes first, metadata second: a crash in between leaves an unreferenced blob, never a dangling item.
      await this.blobs.put(contentHash, rendered.content);
    }

    const pageCount = reading.readable ? reading.pageCount : null;
    for (;;) {
      const em = this.em.fork();
      const file = head ?? (await this.fileFor(em, request));
      head = undefined;
      const superseded = request.supersedesDocumentId
        ? await this.supersedable(em, file, request.supersedesDocumentId)
        : undefined;
      const itemNo = file.itemCount + 1;
      const fields = {
        id: randomUUID(),
        itemNo,
        referenceCode: itemCode(file.referenceCode, itemNo),
        householdId: request.householdId,
        applicationId: request.applicationId,
        documentType: request.documentType,
        archiveClass: ARCHIVE_CLASS_OF[request.documentType],
        title: rendered.title,
        mediaType: rendered.mediaType,
        sha256: contentHash,
        sizeBytes: rendered.content.length,
        pageCount,
        workflowId: request.workflowId,
        step: request.step,
        createdBy: request.createdBy,
        idempotencyKey: request.idempotencyKey,
        requestHash,
        filedAt: new Date(),
        supersedesId: superseded?.id ?? null,
      };
      const entryHash = itemEntryHash(file.headHash, chainedFields(fields, file, superseded?.itemNo ?? null));
      try {
        if (await appendItem(em, file, fields, entryHash)) {
          this.logger.log(
            {
              documentId: fields.id,
              referenceCode: fields.referenceCode,
              sha256: contentHash,
              step: request.step,
              readable: reading.readable,
            },
            'document filed',
          );
          return toDocumentReply({ ...fields, file, entryHash } as unknown as Document);
        }
        // Another item of this household went in since the file was read: read it again and chain after it.
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) {
          // A concurrent filing with the same key won the race: answer with its item.
          const winner = await this.findByKey(request, requestHash);
          if (winner) {
            return winner;
          }
          if (superseded) {
            throw DocumentError.supersedeRefused(superseded.id, '该件已被更正过，请更正最新的一件');
          }
        }
        throw error;
      }
    }
  }

  /** The household's file as it is now, opened first (under the household's lock) if it has none. */
  private async fileFor(em: EntityManager, request: FileDocumentRequest): Promise<FileHead> {
    const [file] = await em.execute<FileHead[]>(
      `select ${FILE_HEAD_COLUMNS} from archive.archive_file f where f.household_id = ?`,
      [request.householdId],
    );
    if (file) {
      return file;
    }
    if (request.supersedesDocumentId) {
      throw DocumentError.supersedeRefused(request.supersedesDocumentId, '被更正的件不在该户档案中');
    }
    return em.transactional((tx) => lockOrOpenFile(tx, request.householdId, request.divisionCode));
  }

  /** The item a correction replaces: in the same file and not corrected already. */
  private async supersedable(em: EntityManager, file: FileHead, documentId: string): Promise<Document> {
    const old = await em.findOne(Document, { id: documentId });
    if (!old || old.file.id !== file.id) {
      throw DocumentError.supersedeRefused(documentId, '被更正的件不在该户档案中');
    }
    if (await em.count(Document, { supersedesId: documentId })) {
      throw DocumentError.supersedeRefused(documentId, '该件已被更正过，请更正最新的一件');
    }
    return old;
  }

  @CreateRequestContext()
  async listByApplication(applicationId: string): Promise<ListDocumentsReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.documentRead);
    const documents = await this.em.find(
      Document,
      { applicationId },
      { orderBy: { itemNo: 'asc' }, populate: ['file'] },
    );
    const visible = documents.filter((document) => inScope(caller, document.file.divisionCode));
    const supersededBy = await supersedingItems(
      this.em,
      visible.map((document) => document.id),
    );
    return { items: visible.map((document) => toDocumentReply(document, supersededBy)) };
  }

  @CreateRequestContext()
  async content(documentId: string, watermark?: string): Promise<DocumentContentReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.documentRead);
    const document = await this.em.findOne(Document, { id: documentId }, { populate: ['file'] });
    await assertReadable(this.em, caller, document?.file ?? null);
    if (!document) {
      throw DocumentError.notFound(documentId);
    }
    if (document.file.disposedAt) {
      throw DocumentError.destroyed(document.file.referenceCode);
    }
    const bytes = await this.blobs.get(document.sha256);
    if (!bytes) {
      throw DocumentError.blobMissing(document.sha256);
    }
    const supersededBy = await supersedingItems(this.em, [document.id]);
    const copy = await downloadCopy(bytes, document.mediaType, watermark);
    return {
      document: toDocumentReply(document, supersededBy),
      contentBase64: copy.content.toString('base64'),
      watermarked: copy.watermarked,
    };
  }

  private async findByKey(request: FileDocumentRequest, requestHash: string): Promise<DocumentReply | undefined> {
    const { idempotencyKey } = request;
    const existing = await this.em.findOne(Document, { idempotencyKey }, { populate: ['file'] });
    if (!existing) {
      return undefined;
    }
    if (existing.requestHash !== requestHash) {
      const sameStep = existing.workflowId === request.workflowId && existing.step === request.step;
      if (!request.firstFilingStands || !sameStep) {
        throw DocumentError.keyReused(idempotencyKey);
      }
      this.logger.log(
        { documentId: existing.id, workflowId: existing.workflowId, step: existing.step },
        'step filed before: the first filing stands',
      );
    }
    return toDocumentReply(existing);
  }
}

/**
 * Appends an item in one statement: the file's count, pages and head move on only if nobody appended since it
 * was read (same count and head), and the item goes in only with that move. False when someone did; the
 * caller reads the file again. One round trip, no explicit transaction: the statement is atomic.
 */
async function appendItem(
  em: EntityManager,
  file: FileHead,
  fields: Omit<Document, 'file' | 'entryHash' | 'createdAt' | 'updatedAt'>,
  entryHash: string,
): Promise<boolean> {
  const rows = await em.execute<Array<{ id: string }>>(
    `with moved as (
       update archive.archive_file set item_count = ?, page_count = page_count + ?, head_hash = ?, updated_at = ?
        where id = ? and item_count = ? and head_hash = ?
       returning id)
     insert into archive.document (id, created_at, updated_at, file_id, item_no, household_id, application_id,
       reference_code, document_type, archive_class, title, media_type, sha256, size_bytes, page_count, workflow_id,
       step, created_by, idempotency_key, request_hash, filed_at, entry_hash, supersedes_id)
     select ?, ?, ?, moved.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from moved
     returning id`,
    [
      fields.itemNo,
      fields.pageCount ?? 0,
      entryHash,
      fields.filedAt,
      file.id,
      file.itemCount,
      file.headHash,
      fields.id,
      fields.filedAt,
      fields.filedAt,
      fields.itemNo,
      fields.householdId,
      fields.applicationId,
      fields.referenceCode,
      fields.documentType,
      fields.archiveClass,
      fields.title,
      fields.mediaType,
      fields.sha256,
      fields.sizeBytes,
      fields.pageCount,
      fields.workflowId,
      fields.step,
      fields.createdBy,
      fields.idempotencyKey,
      fields.requestHash,
      fields.filedAt,
      entryHash,
      fields.supersedesId,
    ],
  );
  return rows.length === 1;
}
