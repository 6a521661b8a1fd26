import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  type DocumentContentReply,
  type DocumentReply,
  FileDocumentRequest,
  GetDocumentContentRequest,
  ListDocumentsRequest,
  type ListDocumentsReply,
  SUBJECTS,
} from '@app/contracts';

import { DocumentsService } from './documents.service';

@Controller()
export class DocumentsHandler {
  constructor(private readonly documents: DocumentsService) {}

  @MessagePattern(SUBJECTS.archive.documentFile)
  file(@Payload() request: FileDocumentRequest): Promise<DocumentReply> {
    return this.documents.file(request);
  }

  @MessagePattern(SUBJECTS.archive.documentList)
  list(@Payload() request: ListDocumentsRequest): Promise<ListDocumentsReply> {
    return this.documents.listByApplication(request.applicationId);
  }

  @MessagePattern(SUBJECTS.archive.documentGetContent)
  getContent(@Payload() request: GetDocumentContentRequest): Promise<DocumentContentReply> {
    return this.documents.content(request.documentId, request.watermark);
  }
}
