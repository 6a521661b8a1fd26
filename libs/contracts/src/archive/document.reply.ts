import type { DocumentType } from './file-document.request';

export interface DocumentReply {
  id: string;
  fileId: string;
  householdId: string;
  /** Division of the household file (its community); decides who may see the item. */
  divisionCode: string;
  applicationId: string;
  /** 件号: position of the item in the household file, from 1, without gaps. */
  itemNo: number;
  documentType: DocumentType;
  title: string;
  mediaType: string;
  sha256: string;
  sizeBytes: number;
  step: string;
  workflowId: string;
  createdBy: string;
  filedAt: string;
}

export interface ListDocumentsReply {
  items: DocumentReply[];
}

export interface DocumentContentReply {
  document: DocumentReply;
  contentBase64: string;
}
