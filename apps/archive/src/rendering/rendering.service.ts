import { Injectable } from '@nestjs/common';

import type { FileDocumentRequest } from '@app/contracts';

import { applicationReceivedContent } from './application-received.template';
import { renderPdf } from './pdf-document';

export interface RenderedDocument {
  title: string;
  mediaType: string;
  content: Buffer;
}

/** Turns a filing request into the document's bytes, by document type. */
@Injectable()
export class RenderingService {
  async render(request: FileDocumentRequest): Promise<RenderedDocument> {
    switch (request.documentType) {
      case 'APPLICATION_RECEIVED': {
        const content = applicationReceivedContent(request.data, request.divisionCode, request.createdBy);
        return { title: content.title, mediaType: 'application/pdf', content: await renderPdf(content) };
      }
    }
  }
}
