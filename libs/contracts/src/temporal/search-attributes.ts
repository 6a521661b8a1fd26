import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes, registered on the dev server by temporal/dev-server/start.sh. Temporal stores
 * these and memos unencrypted: never put names, ID numbers, incomes or any other personal data here.
 */
export const SEARCH_ATTRIBUTES = {
  divisionCode: defineSearchAttributeKey('DivisionCode', SearchAttributeType.KEYWORD),
  approvalStage: defineSearchAttributeKey('ApprovalStage', SearchAttributeType.KEYWORD),
  applicationNo: defineSearchAttributeKey('ApplicationNo', SearchAttributeType.KEYWORD),
  /** When the open stage must be decided (end of its last working day, Beijing time). */
  approvalDueDate: defineSearchAttributeKey('ApprovalDueDate', SearchAttributeType.DATETIME),
  /** When the whole application must be decided (the overall 30/45 working-day limit, end of its last day). */
  overallDueDate: defineSearchAttributeKey('ApprovalOverallDueDate', SearchAttributeType.DATETIME),
} as const;

/** Name=Type pairs as the Temporal CLI takes them (`--search-attribute`). */
export const SEARCH_ATTRIBUTE_REGISTRATIONS = [
  'DivisionCode=Keyword',
  'ApprovalStage=Keyword',
  'ApplicationNo=Keyword',
  'ApprovalDueDate=Datetime',
  'ApprovalOverallDueDate=Datetime',
];
