import {
  type ApprovalPolicy,
  type DecisionStage,
  MODEL_STAGES,
  NOTICE_DELIVERY_DEFAULT_WORKING_DAYS,
  STAGE_ROLES,
  THREE_LEVEL_POLICY,
} from '@app/contracts/approval/approval-policy';

export type ApprovalModel = ApprovalPolicy['model'];
export type Appraisal = NonNullable<ApprovalPolicy['appraisal']>;

/** A new version of a procedure as an administrator fills it in: numbers as typed, one limit per possible stage. */
export interface PolicyDraft {
  divisionCode: string;
  effectiveFrom: string;
  reason: string;
  model: ApprovalModel;
  /** Each stage's limit in working days; only the model's stages are sent (a model switched back keeps its text). */
  limits: Record<DecisionStage, string>;
  publicityAfter: DecisionStage;
  publicityDays: string;
  appraisal: Appraisal;
  surveyRequired: boolean;
  /** Empty: no home-visit sample. */
  homeVisitSamplePercent: string;
  overallLimitWorkingDays: string;
  overallClockExcludesPublicity: boolean;
  /** Empty: an objection does not extend the overall limit. */
  extendedLimitWorkingDays: string;
  noticeDeliveryWorkingDays: string;
  firstPaymentMonthOffset: string;
}

const text = (value: number | undefined): string => (value === undefined ? '' : String(value));

/**
 * A draft for a division, from a version's rules (the one an administrator starts from) or the default three-level
 * procedure (THREE_LEVEL_POLICY). A stage the base has not keeps the default's limit, for a model switched to.
 */
export function draftFrom(
  divisionCode: string,
  effectiveFrom: string,
  base: Omit<ApprovalPolicy, 'id' | 'divisionCode'> = THREE_LEVEL_POLICY,
): PolicyDraft {
  const limits = {} as Record<DecisionStage, string>;
  for (const stage of [...THREE_LEVEL_POLICY.stages, ...base.stages]) {
    limits[stage.stage] = String(stage.limitWorkingDays);
  }
  return {
    divisionCode,
    effectiveFrom,
    reason: '',
    model: base.model,
    limits,
    publicityAfter: base.publicityAfter,
    publicityDays: String(base.publicityDays),
    appraisal: base.appraisal ?? 'ON_OBJECTION',
    surveyRequired: base.surveyRequired ?? false,
    homeVisitSamplePercent: base.homeVisitSamplePercent ? String(base.homeVisitSamplePercent) : '',
    overallLimitWorkingDays: String(base.overallLimitWorkingDays),
    overallClockExcludesPublicity: base.overallClockExcludesPublicity ?? false,
    extendedLimitWorkingDays: text(base.extendedLimitWorkingDays),
    noticeDeliveryWorkingDays: String(base.noticeDeliveryWorkingDays ?? NOTICE_DELIVERY_DEFAULT_WORKING_DAYS),
    firstPaymentMonthOffset: String(base.firstPaymentMonthOffset),
  };
}

/** A model's stages change with it: publicity stays after the stage chosen if the model has it, else the first. */
export function withModel(draft: PolicyDraft, model: ApprovalModel): PolicyDraft {
  const stages = MODEL_STAGES[model];
  return { ...draft, model, publicityAfter: stages.includes(draft.publicityAfter) ? draft.publicityAfter : stages[0] };
}

/** Digits as a number; anything else as typed, for the gateway to refuse by field. */
function count(value: string): number | string {
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/**
 * The body of `POST /api/v1/approval-policies`. The stages are the model's, each decided by its stage's role (the
 * only roles the rules allow); an empty optional number is left out. The gateway checks everything, and how the
 * rules fit together (checkApprovalRules), naming each field.
 */
export function policyBody(draft: PolicyDraft): Record<string, unknown> {
  return {
    divisionCode: draft.divisionCode.trim(),
    effectiveFrom: draft.effectiveFrom,
    reason: draft.reason.trim(),
    rules: {
      model: draft.model,
      stages: MODEL_STAGES[draft.model].map((stage) => ({
        stage,
        role: STAGE_ROLES[stage],
        limitWorkingDays: count(draft.limits[stage]),
      })),
      publicityAfter: draft.publicityAfter,
      publicityDays: count(draft.publicityDays),
      appraisal: draft.appraisal,
      surveyRequired: draft.surveyRequired,
      ...(draft.homeVisitSamplePercent.trim() ? { homeVisitSamplePercent: count(draft.homeVisitSamplePercent) } : {}),
      overallLimitWorkingDays: count(draft.overallLimitWorkingDays),
      overallClockExcludesPublicity: draft.overallClockExcludesPublicity,
      ...(draft.extendedLimitWorkingDays.trim()
        ? { extendedLimitWorkingDays: count(draft.extendedLimitWorkingDays) }
        : {}),
      noticeDeliveryWorkingDays: count(draft.noticeDeliveryWorkingDays),
      firstPaymentMonthOffset: count(draft.firstPaymentMonthOffset),
    },
  };
}

/** Whether a version governs on a day, is yet to come, or has ended (by its own dates, whatever the levels). */
export function standingOn(version: { effectiveFrom: string; effectiveTo: string | null }, day: string) {
  if (version.effectiveFrom > day) {
    return 'UPCOMING' as const;
  }
  return version.effectiveTo !== null && version.effectiveTo < day ? ('ENDED' as const) : ('CURRENT' as const);
}
