/* Plain constants and reply shapes (no validators): the staff console imports them. */

/** The longest a loan (查借阅) may run, in days. */
export const MAX_BORROW_DAYS = 30;

export const BORROW_STATUSES = ['PENDING', 'APPROVED', 'REFUSED'] as const;
export type BorrowStatus = (typeof BORROW_STATUSES)[number];
export const BORROW_STATUS_LABELS: Record<BorrowStatus, string> = {
  PENDING: '待审批',
  APPROVED: '已同意',
  REFUSED: '未同意',
};

export interface BorrowReply {
  id: string;
  householdId: string;
  fileReferenceCode: string;
  /** The file's division (who decides: an archivist there or above). */
  divisionCode: string;
  requestedBy: string;
  requesterDivision: string;
  purpose: string;
  days: number;
  status: BorrowStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  /** Until when an approved loan lets the requester read the file and its items. */
  expiresAt: string | null;
  createdAt: string;
}

export interface ListBorrowRequestsReply {
  items: BorrowReply[];
}
