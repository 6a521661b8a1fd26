import { defineSignal } from '@temporalio/workflow';

/** Sent when the applicant withdraws; the chain stops at its next step. */
export const withdrawSignal = defineSignal<[{ reason: string }]>('withdraw');
/**
 * A holiday calendar year was loaded: a chain whose due dates were unknown for want of it works them out again.
 * Sent by the approval service to the chains with such a task; a chain that has nothing to catch up ignores it.
 */
export const calendarLoadedSignal = defineSignal<[{ year: number }]>('calendarLoaded');
/**
 * A member left or joined the household while its application is in the chain (家庭成员变动): the chain assesses
 * the household again before anyone confirms on the old figures. Sent by the registry; `changeId` is stable across
 * a resent change, so the chain assesses once per change. No personal data: a summary of the kind and the day.
 */
export const householdChangedSignal =
  defineSignal<[{ changeId: string; summary: string; occurredOn: string }]>('householdChanged');
/**
 * The applicant disputed an ineligible data check with evidence and staff re-checked the household's means
 * (核对结果复查, 2021 rules Art. 18): the chain assesses the household again, as for a change of members. Sent by
 * intake once the re-check is recorded; `changeId` is stable across a resent re-check. No personal data.
 */
export const dataCheckRecheckedSignal =
  defineSignal<[{ changeId: string; summary: string; occurredOn: string }]>('dataCheckRechecked');

/**
 * The 家庭经济状况核对结果告知书 was served on the applicant (2021 rules Art. 18): the chain's history notes it beside
 * the notice. Sent by intake once the 送达回证 is filed; `changeId` is that receipt's document id, `summary` how and
 * when, and the notice's document id (告知书：<id>). No personal data.
 */
export const dataCheckNoticeServedSignal =
  defineSignal<[{ changeId: string; summary: string; occurredOn: string }]>('dataCheckNoticeServed');

/** Stages of the approval chain as shown in the ApprovalStage search attribute. Never renamed. */
export const APPROVAL_STAGES = {
  acceptance: 'ACCEPTANCE',
  /** Kept for chains started before the decision stages existed. */
  accepted: 'ACCEPTED',
  assessment: 'ASSESSMENT',
  community: 'COMMUNITY',
  publicity: 'PUBLICITY',
  street: 'STREET',
  county: 'COUNTY',
  /** Refused or terminated; the notice is being served through the township (送达). */
  delivery: 'DELIVERY',
  approved: 'APPROVED',
  rejected: 'REJECTED',
  terminated: 'TERMINATED',
  withdrawn: 'WITHDRAWN',
} as const;
export type ApprovalStage = (typeof APPROVAL_STAGES)[keyof typeof APPROVAL_STAGES];

/** Steps whose completion files documents; part of the filing idempotency key. */
export const APPROVAL_STEPS = {
  applicationReceived: 'application-received',
  assessment: 'assessment',
  publicity: 'publicity',
  outcome: 'outcome',
  publication: 'post-approval-publicity',
} as const;

export interface ApprovalChainInput {
  applicationId: string;
  applicationNo: string;
  householdId: string;
  /** The community code (12 digits) the application was filed in. */
  divisionCode: string;
  /** Correlates log lines from the HTTP request through every activity. */
  correlationId: string;
  /** Confidential cases (e.g. HIV, domain §1.3) skip publicity. */
  confidential?: boolean;
  /**
   * A close relative of a caseworker or committee member applies: registered (备案) at acceptance, and the county
   * confirms only after a recorded home visit.
   */
  conflictOfInterest?: boolean;
  /**
   * The county decides again after a reconsideration or court case (重新作出决定): the chain goes from the
   * assessment straight to the county's confirmation, with no publicity. Ids only.
   */
  redecision?: { appealId: string; previousApplicationId: string };
}

export interface ApprovalChainResult {
  applicationId: string;
  stage: ApprovalStage;
  documentIds: string[];
}

/** One workflow per application; starting twice is harmless because the id is derived. */
export function approvalChainWorkflowId(applicationId: string): string {
  return `approval-chain-${applicationId}`;
}

/** The workflow type, for clients that start the chain without importing workflow code. */
export const APPROVAL_CHAIN_WORKFLOW_TYPE = 'approvalChainWorkflow';
