import { Injectable } from '@nestjs/common';

import { ErrorCode, EVIDENCE_LABELS, type EvidenceType, type FileDocumentRequest } from '@app/contracts';
import { DomainError } from '@app/platform';

import { applicationReceivedContent } from './application-received.template';
import { renderPdf } from './pdf-document';
import { BlobStore } from '../blobs/blob-store';

export interface RenderedDocument {
  title: string;
  mediaType: string;
  content: Buffer;
  /** The bytes are in the blob store already (evidence taken in before): no second write. */
  stored?: boolean;
}

/** Turns a filing request into the document's bytes, by document type. */
@Injectable()
export class RenderingService {
  constructor(private readonly blobs: BlobStore) {}

  async render(request: FileDocumentRequest): Promise<RenderedDocument> {
    switch (request.documentType) {
      case 'APPLICATION_RECEIVED': {
        if (!request.data) {
          throw new DomainError(ErrorCode.VALIDATION_FAILED, 'receipt data missing', '缺少受理回执内容', [
            { field: 'data', messages: ['缺少受理回执内容'] },
          ]);
        }
        const content = applicationReceivedContent(request.data, request.divisionCode, request.createdBy);
        return { title: content.title, mediaType: 'application/pdf', content: await renderPdf(content) };
      }
      case 'ASSESSMENT_REPORT':
      case 'COMMUNITY_OPINION':
      case 'PUBLICITY_NOTICE':
      case 'OBJECTION_RECORD':
      case 'STREET_REVIEW':
      case 'COUNTY_CONFIRMATION':
      case 'RETURN_NOTICE':
      case 'APPROVAL_NOTICE':
      case 'POST_APPROVAL_PUBLICITY':
      case 'REFUSAL_NOTICE':
      case 'ESCALATION_RECORD':
      case 'CONFLICT_OF_INTEREST_REGISTRATION':
      case 'TERMINATION_NOTICE':
      case 'APPRAISAL_MINUTES':
      case 'SURVEY_RECORD':
      case 'DELIVERY_RECEIPT':
      case 'MATERIALS_NOTICE':
      case 'BENEFIT_CHANGE_DECISION':
      case 'PERIODIC_REVIEW_RECORD':
      case 'HOUSEHOLD_CHANGE_REPORT':
      case 'DATA_CHECK_RECHECK_RECORD':
      case 'DATA_CHECK_RESULT_NOTICE':
      case 'APPEAL_RECORD':
      case 'RECOVERY_DECISION': {
        const form = request.form;
        if (!form) {
          throw new DomainError(ErrorCode.VALIDATION_FAILED, 'step form missing', '缺少环节记录内容', [
            { field: 'form', messages: ['缺少环节记录内容'] },
          ]);
        }
        const content = {
          title: form.title,
          subtitle: form.subtitle,
          fields: form.fields,
          notes: form.notes,
          footer: `本记录由低保业务系统在环节办结时自动生成并归档（经办：${request.createdBy}；环节：${request.step}）`,
          createdAt: new Date(form.completedAt),
        };
        return { title: form.title, mediaType: 'application/pdf', content: await renderPdf(content) };
      }
      case 'EVIDENCE': {
        const evidence = request.evidence;
        const bytes = evidence ? await this.blobs.get(evidence.sha256) : undefined;
        if (!evidence || !bytes) {
          throw new DomainError(
            ErrorCode.VALIDATION_FAILED,
            'evidence blob missing',
            '证明材料文件不存在，请重新上传',
            [{ field: 'evidence.sha256', messages: ['档案库中没有该文件'] }],
          );
        }
        const label = EVIDENCE_LABELS[evidence.evidenceType as EvidenceType] ?? '证明材料';
        return {
          title: `${label}（${evidence.originalName}）`.slice(0, 200),
          mediaType: evidence.mediaType,
          content: bytes,
          stored: true,
        };
      }
    }
  }
}
