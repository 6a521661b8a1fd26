import { addMonths } from './months';

/**
 * Periodic review (定期核查) of a household receiving dibao (2021 rules Art. 31): once a year when its economic
 * situation is stable, every six months when a member can work or its income is unstable.
 */
export const REVIEW_INTERVALS = [6, 12] as const;
export type ReviewInterval = (typeof REVIEW_INTERVALS)[number];

/** Six months when any member has full or partial work capacity, else a year. */
export function reviewIntervalFor(members: ReadonlyArray<{ workCapacity: string }>): ReviewInterval {
  return members.some((member) => member.workCapacity === 'FULL' || member.workCapacity === 'PARTIAL') ? 6 : 12;
}

/** The day `months` after `day` (YYYY-MM-DD); the 31st of a shorter month falls on its last day. */
export function addMonthsToDay(day: string, months: number): string {
  const month = addMonths(day.slice(0, 7), months);
  const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(Math.min(Number(day.slice(8, 10)), lastDay)).padStart(2, '0')}`;
}

/**
 * A change in the household's members calls for a review within three months of it (domain §3.2 sets three months
 * for a death; the same limit serves every change of members, since the amount depends on who lives there).
 */
export const REVIEW_AFTER_MEMBER_CHANGE_MONTHS = 3;

/** The latest day the review after a change of members that happened on `occurredOn` may fall due. */
export function reviewDueAfterMemberChange(occurredOn: string): string {
  return addMonthsToDay(occurredOn, REVIEW_AFTER_MEMBER_CHANGE_MONTHS);
}
