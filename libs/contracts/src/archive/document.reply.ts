import type { ArchiveClass, DocumentType } from './file-document.request';

export interface DocumentReply {
  id: string;
  fileId: string;
  householdId: string;
  /** Division of the household file (its community); decides who may see the item. */
  divisionCode: string;
  applicationId: string;
  /** 件号: position of the item in the household file, from 1, without gaps. */
  itemNo: number;
  /** The item's 档号: the file's reference code and the item number (see docs/archive.md). */
  referenceCode: string;
  documentType: DocumentType;
  archiveClass: ArchiveClass;
  title: string;
  mediaType: string;
  sha256: string;
  sizeBytes: number;
  /** Pages of a PDF (1 for an image); null when it could not be read at filing. */
  pageCount: number | null;
  step: string;
  workflowId: string;
  createdBy: string;
  filedAt: string;
  /** The entry hash of this item in the file's hash chain. */
  entryHash: string;
  /** The item this one corrects, if any. */
  supersedesDocumentId: string | null;
  /** The later item that corrects this one, if any (the item stays in the file). */
  supersededByDocumentId: string | null;
}

export interface ListDocumentsReply {
  items: DocumentReply[];
}

export interface DocumentContentReply {
  document: DocumentReply;
  contentBase64: string;
  /** True when the content is a watermarked copy (its hash then differs from `document.sha256`). */
  watermarked: boolean;
}
