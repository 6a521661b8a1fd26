import { type ApprovalPolicy, NOTICE_DELIVERY_DEFAULT_WORKING_DAYS } from '@app/contracts';

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
