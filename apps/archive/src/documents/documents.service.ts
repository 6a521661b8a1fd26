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
import { canonicalJson, itemCode, itemEntryHash, sha256Hex } from '@app/domain';
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
    const existing = await this.findByKey(request.idempotencyKey, requestHash);
    if (existing) {
      return existing;
    }

    const rendered = await this.rendering.render(request);
    const contentHash = sha256Hex(rendered.content);
    const reading = await readContent(rendered.content, rendered.mediaType);
    // Bytes first, metadata second: a crash in between leaves an unreferenced blob, never a dangling item.
    await this.blobs.put(contentHash, rendered.content);

    try {
      const document = await this.em.transactional(async (em) => {
        const file = await lockOrOpenFile(em, request.householdId, request.divisionCode);
        const superseded = request.supersedesDocumentId
          ? await this.supersedable(em, file, request.supersedesDocumentId)
          : undefined;
        file.itemCount += 1;
        const pageCount = reading.readable ? reading.pageCount : null;
        file.pageCount += pageCount ?? 0;
        const fields = {
          itemNo: file.itemCount,
          referenceCode: itemCode(file.referenceCode, file.itemCount),
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
        file.headHash = entryHash;
        return em.create(Document, { ...fields, file, entryHash });
      });
      this.logger.log(
        {
          documentId: document.id,
          referenceCode: document.referenceCode,
          sha256: contentHash,
          step: request.step,
          readable: reading.readable,
        },
        'document filed',
      );
      return toDocumentReply(document);
    } catch (error) {
      // A concurrent filing with the same key won the race: answer with its item.
      if (error instanceof UniqueConstraintViolationException) {
        this.em.clear();
        const winner = await this.findByKey(request.idempotencyKey, requestHash);
        if (winner) {
          return winner;
        }
      }
      throw error;
    }
  }

  /** The item a correction replaces: in the same file and not corrected already. */
  private async supersedable(em: EntityManager, file: ArchiveFile, documentId: string): Promise<Document> {
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

  private async findByKey(idempotencyKey: string, requestHash: string): Promise<DocumentReply | undefined> {
    const existing = await this.em.findOne(Document, { idempotencyKey }, { populate: ['file'] });
    if (!existing) {
      return undefined;
    }
    if (existing.requestHash !== requestHash) {
      throw DocumentError.keyReused(idempotencyKey);
    }
    return toDocumentReply(existing);
  }
}
