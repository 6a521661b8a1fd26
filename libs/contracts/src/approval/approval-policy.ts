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

/** The procedures a policy can follow (domain §1.3): which decision stages each has, in order. */
export const APPROVAL_MODELS = ['THREE_LEVEL', 'NATIONAL_2021', 'DELEGATED'] as const;
export const MODEL_STAGES: Record<(typeof APPROVAL_MODELS)[number], DecisionStage[]> = {
  THREE_LEVEL: ['COMMUNITY', 'STREET', 'COUNTY'],
  NATIONAL_2021: ['STREET', 'COUNTY'],
  DELEGATED: ['STREET'],
};
export const MODEL_LABELS: Record<(typeof APPROVAL_MODELS)[number], string> = {
  THREE_LEVEL: '三级审批',
  NATIONAL_2021: '2021年全国办法（乡镇审核、县级确认）',
  DELEGATED: '委托乡镇确认',
};

/** Who decides at each stage: the role the chain's validator asks of the actor. */
export const STAGE_ROLES: Record<DecisionStage, Role> = {
  COMMUNITY: 'COMMUNITY_CASEWORKER',
  STREET: 'STREET_REVIEWER',
  COUNTY: 'COUNTY_APPROVER',
};

/** The 2021 national rules (Art. 21): a refusal notice is served within 3 working days of the decision. */
export const NOTICE_DELIVERY_DEFAULT_WORKING_DAYS = 3;

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
  model: (typeof APPROVAL_MODELS)[number];
  stages: StagePolicy[];
  /** After this stage approves, the initial opinion is publicised (公示) unless the case is confidential. */
  publicityAfter: DecisionStage;
  /** Calendar days of publicity (7 by default). */
  publicityDays: number;
  /**
   * Democratic appraisal (民主评议) before the opinion that is publicised: only after an objection (the 2021 rules:
   * exception-only; the default), for every case, or never. Confidential cases are never appraised.
   */
  appraisal?: 'ON_OBJECTION' | 'ALWAYS' | 'NEVER';
  /** The first stage (the one that surveys) approves or refuses only with the survey's record (入户调查表). */
  surveyRequired?: boolean;
  /**
   * The share of cases, in percent, the confirming stage (the policy's last) visits at home before it approves or
   * refuses (入户抽查; the 2012 rules asked the county to visit at least 30 %), besides the cases it must always
   * visit (a conflict of interest, an objection at publicity). Each case is drawn once, when that stage first
   * opens, with the workflow's seeded random (a replay draws the same; staff cannot tell in advance), and the
   * draw is in the chain's history. Absent or 0: no sample.
   */
  homeVisitSamplePercent?: number;
  /** The overall limit from acceptance, in working days (30; 45 in special cases). */
  overallLimitWorkingDays: number;
  /**
   * The overall clock stops while the initial opinion is publicised (Chongqing 2016: the 30 days exclude the
   * publicity period); absent or false: it runs from acceptance without a stop (the 2021 national rules).
   */
  overallClockExcludesPublicity?: boolean;
  /**
   * The overall limit once an objection at publicity sends the case back (45 working days, 2022 notice §4(1));
   * absent: an objection does not extend it.
   */
  extendedLimitWorkingDays?: number;
  /** Payment starts this many months after the month of the final approval (1: the month after). */
  firstPaymentMonthOffset: number;
  /**
   * Working days from a refusal (or termination) to serving its written notice through the township (2021 rules
   * Art. 21: 3). Versions stored without it are resolved with that default (NOTICE_DELIVERY_DEFAULT_WORKING_DAYS).
   */
  noticeDeliveryWorkingDays?: number;
  /**
   * Shortened waits for drills and tests: when set, they replace the calendar-derived waits (the due dates
   * shown to staff are still computed on the calendar).
   */
  drill?: { stageTimeoutMs?: number; publicityMs?: number; overallTimeoutMs?: number };
  /**
   * The version resolved (set by the approval service, never part of the rules published): each decision's record
   * names it, so the rules a decision was taken under can be found again.
   */
  version?: PolicyVersionRef;
}

/** Which version of a division's policy: in force from a day, on the decision it comes from (document number). */
export interface PolicyVersionRef {
  effectiveFrom: string;
  basis: string | null;
}

/**
 * The three-level chain this product is named for (community → street → county), with the 2021 national
 * limits (domain §1.3): the community's survey and opinion and the street's review 10 working days each, the
 * county's confirmation 10, publicity 7 calendar days after the community's opinion, 30 working days overall,
 * payment from the month after approval, a refusal notice served within 3 working days.
 */
export const THREE_LEVEL_POLICY: Omit<ApprovalPolicy, 'id' | 'divisionCode'> = {
  model: 'THREE_LEVEL',
  stages: [
    { stage: 'COMMUNITY', role: 'COMMUNITY_CASEWORKER', limitWorkingDays: 10 },
    { stage: 'STREET', role: 'STREET_REVIEWER', limitWorkingDays: 10 },
    { stage: 'COUNTY', role: 'COUNTY_APPROVER', limitWorkingDays: 10 },
  ],
  publicityAfter: 'COMMUNITY',
  publicityDays: 7,
  overallLimitWorkingDays: 30,
  extendedLimitWorkingDays: 45,
  firstPaymentMonthOffset: 1,
  noticeDeliveryWorkingDays: NOTICE_DELIVERY_DEFAULT_WORKING_DAYS,
};

/** A version as listed and published: the rules, the days it governs, who published and who closed it. */
export interface ApprovalPolicyVersionReply extends ApprovalPolicy {
  effectiveFrom: string;
  effectiveTo: string | null;
  reason: string | null;
  createdBy: string | null;
  createdAt: string;
  closedBy: string | null;
}

export interface ListApprovalPoliciesReply {
  items: ApprovalPolicyVersionReply[];
  /** The version that governs the division on `at` (most specific level), when `at` and a 12-digit code are given. */
  inForce: string | null;
}

/**
 * How the rules of a policy fit together, beyond each field's own range: the model's stages in order, each
 * decided by its stage's role, publicity after one of them, and an overall limit no shorter than the stages'.
 * Returns each problem with the field it concerns (empty: the rules hold).
 */
export function checkApprovalRules(
  rules: Omit<ApprovalPolicy, 'id' | 'divisionCode' | 'drill'>,
): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const stages = rules.stages.map((s) => s.stage);
  const expected = MODEL_STAGES[rules.model];
  if (stages.join() !== expected.join()) {
    problems.push({
      field: 'rules.stages',
      message: `${MODEL_LABELS[rules.model]}的审批环节应依次为：${expected.map((stage) => STAGE_LABELS[stage]).join('、')}`,
    });
  }
  rules.stages.forEach((s, index) => {
    if (s.role !== STAGE_ROLES[s.stage]) {
      problems.push({
        field: `rules.stages.${index}.role`,
        message: `${STAGE_LABELS[s.stage]}应由${STAGE_ROLES[s.stage]}办理`,
      });
    }
  });
  if (!stages.includes(rules.publicityAfter)) {
    problems.push({ field: 'rules.publicityAfter', message: '公示应在所列审批环节之一之后' });
  }
  if (rules.extendedLimitWorkingDays !== undefined && rules.extendedLimitWorkingDays < rules.overallLimitWorkingDays) {
    problems.push({
      field: 'rules.extendedLimitWorkingDays',
      message: `延长后的总时限（${rules.extendedLimitWorkingDays}个工作日）不能短于总时限（${rules.overallLimitWorkingDays}个工作日）`,
    });
  }
  const sum = rules.stages.reduce((total, s) => total + s.limitWorkingDays, 0);
  if (rules.overallLimitWorkingDays < sum) {
    problems.push({
      field: 'rules.overallLimitWorkingDays',
      message: `总时限（${rules.overallLimitWorkingDays}个工作日）不能短于各环节时限之和（${sum}个工作日）`,
    });
  }
  return problems;
}
