import type { ApplicationDetails } from './application-details';
import type { AttachmentReply } from './attachment.request';
import type { DataCheckRecheck } from './data-check-recheck';

/** The declared details as replied: the payment account masked, in full only when revealed. */
export type ApplicationDetailsView = Omit<ApplicationDetails, 'paymentAccount'> & {
  paymentAccount?: {
    bankName: string;
    bankCode?: string;
    accountNoMasked: string;
    holderIdNumberMasked: string;
    /** Only with reveal (system, or personal-data:reveal). */
    accountNo?: string;
    holderIdNumber?: string;
  };
};

/** Where an application stands. Grows with the approval chain; values are never renamed. */
export const APPLICATION_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'RECEIVED',
  'IN_REVIEW',
  'APPROVED',
  'REJECTED',
  /** Ended without a decision on eligibility: the applicant did not cooperate with the survey or data check. */
  'TERMINATED',
  'WITHDRAWN',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** What each status is called, for staff. */
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  DRAFT: '草稿',
  SUBMITTED: '已提交',
  RECEIVED: '已受理',
  IN_REVIEW: '审核中',
  APPROVED: '已审核确认',
  REJECTED: '不予确认',
  TERMINATED: '终止审批',
  WITHDRAWN: '已撤回',
};

export interface MaterialsNotice {
  missing: string[];
  note: string | null;
  notifiedBy: string;
  notifiedAt: string;
  documentId: string;
}

export interface ApplicationReply {
  id: string;
  /** Human reference printed on documents, e.g. SQ-220102-2026-000001. */
  applicationNo: string;
  householdId: string;
  divisionCode: string;
  applicantName: string;
  /** Always masked on the wire; the full number stays in intake and in the archived documents. */
  applicantIdNumberMasked: string;
  /** The full number, only when asked for with `reveal` by a role allowed to see it. */
  applicantIdNumber?: string;
  householdSize: number;
  reason: string;
  status: ApplicationStatus;
  workflowId: string;
  /** Null while a draft. */
  submittedAt: string | null;
  /** What the household declared (incomes, deductions, assets, payment account masked, consent, conflict flag). */
  details: ApplicationDetailsView | null;
  withdrawnReason: string | null;
  /** The one-time notice of missing materials (一次性告知), once given: what, by whom, when, its archived item. */
  materialsNotice: MaterialsNotice | null;
  /** Evidence uploaded for the application (filed into the household file when the step that uses it completes). */
  attachments: AttachmentReply[];
  /** Re-checks of a disputed data check (核对结果复查), oldest first. */
  rechecks: DataCheckRecheck[];
  /** Made for the county to decide again after a reconsideration or court case: the case and the earlier one. */
  redecision: { appealId: string; previousApplicationId: string } | null;
  updatedAt: string;
}

/** An application in a list: no declared details, no attachments. */
export type ApplicationSummary = Pick<
  ApplicationReply,
  | 'id'
  | 'applicationNo'
  | 'householdId'
  | 'divisionCode'
  | 'applicantName'
  | 'applicantIdNumberMasked'
  | 'householdSize'
  | 'reason'
  | 'status'
  | 'workflowId'
  | 'submittedAt'
  | 'withdrawnReason'
  | 'updatedAt'
>;

export interface ListApplicationsReply {
  items: ApplicationSummary[];
  /** Applications matching the filters, of which `items` is the page from `offset`. */
  total: number;
}
