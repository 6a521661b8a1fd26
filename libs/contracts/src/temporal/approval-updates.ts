import { defineQuery, defineUpdate } from '@temporalio/workflow';

import type { DecisionStage } from '../approval/approval-policy';
import type { DeliveryMethod, TaskPurpose } from '../approval/delivery';
import type { TaskRequirement } from '../approval/task-requirements';
import type { Decision, DecisionReply } from '../approval/task.request';

/** A staff decision as the approval service hands it to the chain (the actor comes from the caller headers). */
export interface DecisionInput {
  taskId: string;
  decision: Decision;
  opinion: string;
  reasons?: string[];
  returnTo?: 'PREVIOUS' | 'APPLICANT';
  missing?: string[];
  /**
   * The confirming stage's home visit (入户核查): required for conflict-of-interest cases, cases with an objection
   * and cases drawn for the policy's sample (TaskRequirement HOME_VISIT).
   */
  homeVisit?: { visitedOn: string; visitors: string[]; findings: string };
  /** The economic survey (入户调查), its photos resolved to their archived items by the approval service. */
  survey?: {
    surveyedOn: string;
    surveyors: string[];
    livingConditions: string;
    neighbourVisits: Array<{ neighbour: string; statement: string }>;
    evidenceRequests: string[];
    photos: Array<{ documentId: string; referenceCode: string }>;
  };
  /** The minutes of a democratic appraisal (民主评议), where the policy or an objection requires one. */
  appraisal?: { heldOn: string; participants: number; votesFor: number; votesAgainst: number; minutes: string };
  /** DELIVER: how the refusal or termination notice was served (送达回证). */
  delivery?: {
    deliveredOn: string;
    method: DeliveryMethod;
    recipient: string;
    witnesses?: string[];
    trackingNo?: string;
  };
  actor: { userId: string; username: string; roles: string[]; divisionCode: string };
  /** ISO time the decision was taken. */
  decidedAt: string;
}

/** An objection received during publicity (by phone, letter or in person), recorded by community staff. */
export interface ObjectionInput {
  summary: string;
  actor: { userId: string; username: string; roles: string[]; divisionCode: string };
  receivedAt: string;
}

export const decideUpdate = defineUpdate<DecisionReply, [DecisionInput]>('decide');
export const objectionUpdate = defineUpdate<{ accepted: true }, [ObjectionInput]>('objection');

export interface ChainHistoryEntry {
  stage: DecisionStage | 'ACCEPTANCE' | 'ASSESSMENT' | 'PUBLICITY' | 'OUTCOME' | 'DELIVERY';
  attempt: number;
  event: string;
  actor: string;
  at: string;
  documentId?: string;
  /** What the event left to do or why (e.g. why the household could not be enrolled for payment). */
  note?: string;
}

export interface ChainState {
  stage: string;
  pendingTaskId: string | null;
  pendingStage: DecisionStage | null;
  /** What the pending task asks: a decision, or serving the refusal or termination notice. */
  pendingPurpose?: TaskPurpose | null;
  dueDate: string | null;
  /** The last working day of the overall limit (30/45 working days from acceptance); null if not tracked. */
  overallDueDate?: string | null;
  /** Set while the overall due date is unknown for want of a holiday calendar: the year that is missing. */
  overallCalendarMissingYear?: number | null;
  publicityEndsAt: string | null;
  /** What a decision on the pending task must carry, and why (empty for chains from before this was kept). */
  pendingRequirements?: TaskRequirement[];
  history: ChainHistoryEntry[];
}

/** Current stage, pending task, deadlines and full history of a chain. */
export const chainStateQuery = defineQuery<ChainState>('state');

export type { ApprovalPolicy, DecisionStage, StagePolicy } from '../approval/approval-policy';
export { STAGE_DIVISION_DIGITS, STAGE_LABELS } from '../approval/approval-policy';
export { DELIVERY_METHOD_LABELS, type DeliveryMethod, type TaskPurpose } from '../approval/delivery';
export type { Decision, DecisionReply } from '../approval/task.request';
export type { TaskRequirement } from '../approval/task-requirements';
