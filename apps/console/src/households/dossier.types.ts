import type { TaskReply } from '@app/contracts/approval/task.request';
import type { ArchiveFileReply } from '@app/contracts/archive/archive-file';
import type { ApplicationSummary } from '@app/contracts/intake/application.reply';
import type { HouseholdReply } from '@app/contracts/intake/household.reply';
import type { PaymentHistoryReply } from '@app/contracts/payment/payroll.request';

/** A part of the dossier, answered by one service: its data, or why it is missing. */
export type DossierSection<T> =
  { status: 'OK'; ms: number; data: T } | { status: 'UNAVAILABLE' | 'NOT_PERMITTED'; ms: number; reason: string };

/** The benefit as the dossier gives it: what the console shows of it. */
export interface DossierBenefit {
  status: 'ACTIVE' | 'SUSPENDED' | 'TERMINATED';
  firstMonth: string;
  lastMonth: string | null;
  currentTerm: { baseFen: number; supplementFen: number; totalFen: number };
  accountNo: string;
  nextReviewOn: string | null;
  nextReviewReason: string | null;
  payeeHold: { since: string; reason: string } | null;
}

/** `GET /api/v1/households/:id/dossier`, the sections the console shows (apps/gateway/src/dossier/dossier.types.ts). */
export interface DossierView {
  householdId: string;
  status: { code: string; label: string };
  household: DossierSection<HouseholdReply>;
  applications: DossierSection<ApplicationSummary[]>;
  steps: DossierSection<TaskReply[]>;
  benefit: DossierSection<DossierBenefit | null>;
  payments: DossierSection<PaymentHistoryReply['items']>;
  archive: DossierSection<ArchiveFileReply | null>;
}

/** Why staff open a household's dossier; the access log keeps the one chosen. */
export const DOSSIER_PURPOSES = ['答复群众咨询', '办理审批任务', '定期核查', '监督检查'] as const;
