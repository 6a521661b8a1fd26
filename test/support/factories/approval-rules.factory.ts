import type { ApprovalRulesInput } from '@app/contracts';

/** The 2021 national procedure (township review, county confirmation) as a publisher sends it. */
export const NATIONAL_2021_RULES: ApprovalRulesInput = {
  model: 'NATIONAL_2021',
  stages: [
    { stage: 'STREET', role: 'STREET_REVIEWER', limitWorkingDays: 15 },
    { stage: 'COUNTY', role: 'COUNTY_APPROVER', limitWorkingDays: 10 },
  ],
  publicityAfter: 'STREET',
  publicityDays: 7,
  overallLimitWorkingDays: 30,
  firstPaymentMonthOffset: 1,
};
