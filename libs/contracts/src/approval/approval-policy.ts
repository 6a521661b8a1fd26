import type { Role } from '../identity/roles';

/** The three levels a decision can be taken at; the stage's division is the application's at that level. */
export const DECISION_STAGES = ['COMMUNITY', 'STREET', 'COUNTY'] as const;
export type DecisionStage = (typeof DECISION_STAGES)[number];

/** Digits of the division a stage decides for: community 12, street/township 9, county 6. */
export const STAGE_DIVISION_DIGITS: Record<DecisionStage, number> = { COMMUNITY: 12, STREET: 9, COUNTY: 6 };

export const STAGE_LABELS: Record<DecisionStage, string> = {
  COMMUNITY: '社区（村）初审',
  STREET: '街道（乡镇）审核',
  COUNTY: '县级审核确认',
};

export interface StagePolicy {
  stage: DecisionStage;
  /** Who decides. */
  role: Role;
  /** Time limit in working days from the day the task opens. */
  limitWorkingDays: number;
}

/**
 * The approval procedure of a county, versioned and chosen when a chain starts (it travels in workflow
 * history, so a later change never alters a running chain). The default is the three-level chain; the 2021
 * national model is [STREET, COUNTY] and the delegated model [STREET].
 */
export interface ApprovalPolicy {
  id: string;
  divisionCode: string;
  model: 'THREE_LEVEL' | 'NATIONAL_2021' | 'DELEGATED';
  stages: StagePolicy[];
  /** After this stage approves, the initial opinion is publicised (公示) unless the case is confidential. */
  publicityAfter: DecisionStage;
  /** Calendar days of publicity (7 by default). */
  publicityDays: number;
  /** The overall limit from acceptance, in working days (30; 45 in special cases). */
  overallLimitWorkingDays: number;
  /** Payment starts this many months after the month of the final approval (1: the month after). */
  firstPaymentMonthOffset: number;
  /**
   * Shortened waits for drills and tests: when set, they replace the calendar-derived waits (the due dates
   * shown to staff are still computed on the calendar).
   */
  drill?: { stageTimeoutMs?: number; publicityMs?: number };
}
