/* The gateway's HTTP answers composed from several services (types only): the staff console reads them too. */
import type { AppealReply } from '../approval/appeal.request';
import type { DecisionStage } from '../approval/approval-policy';
import type { TaskReply } from '../approval/task.request';
import type { ArchiveFileReply } from '../archive/archive-file';
import type { StoredAssessmentReply } from '../eligibility/run-assessment.request';
import type { ApplicationSummary } from '../intake/application.reply';
import type { HouseholdReply } from '../intake/household.reply';
import type { PaymentHistoryReply } from '../payment/payroll.request';
import type { RecoveryReply } from '../payment/recovery.request';

/** One part of the dossier, answered by one service: its data, or why it is missing. `ms`: time it took. */
export type DossierSection<T> =
  { status: 'OK'; ms: number; data: T } | { status: 'UNAVAILABLE' | 'NOT_PERMITTED'; ms: number; reason: string };

export type DossierStatusCode =
  | 'NONE'
  | 'DRAFT'
  | 'APPLYING'
  | 'APPROVED'
  | 'REFUSED'
  | 'TERMINATED'
  | 'WITHDRAWN'
  | 'ENROLLED'
  | 'SUSPENDED'
  | 'ENDED'
  | 'UNKNOWN';

/** The benefit as paid: the current term's amount split, since when, and when the household is next reviewed. */
export interface DossierBenefit {
  enrolmentId: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'TERMINATED';
  firstMonth: string;
  lastMonth: string | null;
  /** The term in force now (or the last one). */
  currentTerm: { fromMonth: string; toMonth: string | null; baseFen: number; supplementFen: number; totalFen: number };
  bankCode: string;
  accountNo: string;
  /** The periodic review (定期核查) next due, and the last one (docs/payment.md); none due once terminated. */
  nextReviewOn: string | null;
  /** Why the review is due sooner than the cycle (a change in the household); null: the regular cycle. */
  nextReviewReason: string | null;
  lastReviewedOn: string | null;
  /** The card cannot receive: the months are held until the payee is changed (docs/payment.md); null: paid. */
  payeeHold: { since: string; reason: string } | null;
  changes: Array<{ kind: string; effectiveMonth: string; decision: string; reason: string | null; actor: string }>;
}

export interface DossierReply {
  householdId: string;
  generatedAt: string;
  viewer: string;
  status: { code: DossierStatusCode; label: string; stage: DecisionStage | null };
  household: DossierSection<HouseholdReply>;
  applications: DossierSection<ApplicationSummary[]>;
  /** Every step of every application: decision, actor, opinion, time, due date, the archived record. */
  steps: DossierSection<TaskReply[]>;
  assessments: DossierSection<StoredAssessmentReply[]>;
  benefit: DossierSection<DossierBenefit | null>;
  /** The last 24 months on the payroll, newest first. */
  payments: DossierSection<PaymentHistoryReply['items']>;
  /** What the household was ordered to pay back (追回) and what it has repaid, newest first. */
  recoveries: DossierSection<RecoveryReply[]>;
  /** Reconsideration and court cases against the county's decisions, newest first. */
  appeals: DossierSection<AppealReply[]>;
  archive: DossierSection<ArchiveFileReply | null>;
  /** The section that took longest, to see which service holds the dossier back. */
  slowest: { section: string; ms: number };
}
