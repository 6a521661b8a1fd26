/* Plain constants (no validators): the approval chain's workflow code imports them. */

/**
 * What a decision on a task must carry besides the opinion, and why, fixed by the chain when the task opens and
 * shown with it in the inbox, so staff know before they decide (the chain refuses an approval or refusal
 * without it):
 * - SURVEY: the economic survey's record (入户调查表) — the policy's first stage where it says `surveyRequired`,
 *   and the county's own survey in a confidential case;
 * - APPRAISAL: the minutes of a democratic appraisal (民主评议) — the stage before publicity, after an objection
 *   or where the policy always asks one;
 * - HOME_VISIT: a home visit by the confirming stage (入户核查) — a conflict-of-interest case, an objection at
 *   publicity, or a case drawn for the policy's sample of home visits.
 */
export const TASK_REQUIREMENT_KINDS = ['SURVEY', 'APPRAISAL', 'HOME_VISIT'] as const;
export type TaskRequirementKind = (typeof TASK_REQUIREMENT_KINDS)[number];

export interface TaskRequirement {
  kind: TaskRequirementKind;
  /** Why, in the words shown to staff (e.g. 已作近亲属备案, 公示期间有异议). */
  reason: string;
}
