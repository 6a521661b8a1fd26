import { createHash, randomUUID } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';
import {
  CreateRequestContext,
  EntityManager,
  LockMode,
  UniqueConstraintViolationException,
} from '@mikro-orm/postgresql';

import {
  type DocumentContentReply,
  type DocumentReply,
  type FileDocumentRequest,
  type ListDocumentsReply,
  PERMISSIONS,
} from '@app/contracts';
import { canonicalJson } from '@app/domain';
import { AccessError, assertPermission, assertVisible, inScope, isSystemCaller, requireCaller } from '@app/platform';

import { Document } from './document.entity';
import { DocumentError } from './document.errors';
import { toDocumentReply } from './document.mapper';
import { BlobStore } from '../blobs/blob-store';
import { ArchiveFile } from '../files/archive-file.entity';
import { RenderingService } from '../rendering/rendering.service';

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
    const requestHash = sha256(canonicalJson(request));
    const existing = await this.findByKey(request.idempotencyKey, requestHash);
    if (existing) {
      return existing;
    }

    const rendered = await this.rendering.render(request);
    const contentHash = sha256(rendered.content);
    // Bytes first, metadata second: a crash in between leaves an unreferenced blob, never a dangling item.
    await this.blobs.put(contentHash, rendered.content);

    try {
      const document = await this.em.transactional(async (em) => {
        await em
          .createQueryBuilder(ArchiveFile)
          .insert({
            id: randomUUID(),
            householdId: request.householdId,
            divisionCode: request.divisionCode,
            itemCount: 0,
            createdAt: new Date(),
            updatedAt: new Date(),
          })
          .onConflict('household_id')
          .ignore()
          .execute();
        const file = await em.findOneOrFail(
          ArchiveFile,
          { householdId: request.householdId },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        file.itemCount += 1;
        const created = em.create(Document, {
          file,
          itemNo: file.itemCount,
          householdId: request.householdId,
          applicationId: request.applicationId,
          documentType: request.documentType,
          title: rendered.title,
          mediaType: rendered.mediaType,
          sha256: contentHash,
          sizeBytes: rendered.content.length,
          workflowId: request.workflowId,
          step: request.step,
          createdBy: request.createdBy,
          idempotencyKey: request.idempotencyKey,
          requestHash,
        });
        return created;
      });
      this.logger.log(
        { documentId: document.id, itemNo: document.itemNo, sha256: contentHash, step: request.step },
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

  @CreateRequestContext()
  async listByApplication(applicationId: string): Promise<ListDocumentsReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.documentRead);
    const documents = await this.em.find(
      Document,
      { applicationId },
      { orderBy: { itemNo: 'asc' }, populate: ['file'] },
    );
    return { items: documents.filter((document) => inScope(caller, document.file.divisionCode)).map(toDocumentReply) };
  }

  @CreateRequestContext()
  async content(documentId: string): Promise<DocumentContentReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.documentRead);
    const document = await this.em.findOne(Document, { id: documentId }, { populate: ['file'] });
    assertVisible(caller, document?.file.divisionCode);
    if (!document) {
      throw DocumentError.notFound(documentId);
    }
    const bytes = await this.blobs.get(document.sha256);
    if (!bytes) {
      throw DocumentError.blobMissing(document.sha256);
    }
    return { document: toDocumentReply(document), contentBase64: bytes.toString('base64') };
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

function sha256(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}
