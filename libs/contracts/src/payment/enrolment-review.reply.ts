/* Plain constants and reply shapes (no validators): the staff console imports them. */

import type { ReviewInterval } from '@app/domain/payment/review-schedule';

export const REVIEW_FINDINGS = ['NO_CHANGE', 'CHANGE_NEEDED'] as const;
export type ReviewFinding = (typeof REVIEW_FINDINGS)[number];
export const REVIEW_FINDING_LABELS: Record<ReviewFinding, string> = {
  NO_CHANGE: '无变化，继续享受',
  CHANGE_NEEDED: '情况变化，需变更待遇',
};

export interface ReviewReply {
  reviewedOn: string;
  finding: ReviewFinding;
  summary: string;
  intervalMonths: ReviewInterval;
  actor: string;
  recordedAt: string;
  /** 定期核查记录 in the household file. */
  documentId: string;
}

export interface ReviewDueItem {
  enrolmentId: string;
  householdId: string;
  divisionCode: string;
  headName: string;
  headIdNumberMasked: string;
  status: 'ACTIVE' | 'SUSPENDED';
  reviewIntervalMonths: ReviewInterval;
  nextReviewOn: string;
  /** Why it is due sooner than its cycle (a change in the household); null: the regular cycle. */
  nextReviewReason: string | null;
  lastReviewedOn: string | null;
}

export interface ListReviewsDueReply {
  /** Soonest due first. */
  items: ReviewDueItem[];
  total: number;
}
