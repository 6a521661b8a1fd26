import type { Role } from './roles';

/** What a caller may do. Checked at the gateway and again by the service that holds the data. */
export const PERMISSIONS = {
  applicationCreate: 'application:create',
  applicationRead: 'application:read',
  /** Register households and search the registry by name or ID number. */
  householdRegister: 'household:register',
  /** See a full ID number instead of the masked one; every reveal is logged. */
  personalDataReveal: 'personal-data:reveal',
  documentRead: 'document:read',
  accountManage: 'account:manage',
  accessLogRead: 'access-log:read',
  /** Publish new versions of local standards and calculation policies (county/city administrators). */
  eligibilityRulesManage: 'eligibility-rules:manage',
  /** Publish a new version of a division's approval procedure: stages, time limits, publicity (administrators). */
  approvalPolicyManage: 'approval-policy:manage',
  /** Load a year's official holiday arrangement (the working-day calendar of every time limit). */
  calendarManage: 'calendar:manage',
  /** Record an objection received during publicity. */
  objectionRecord: 'objection:record',
  /** Re-check a data check the applicant disputes with evidence (核对结果复查; the township, the community assisting). */
  dataCheckRecheck: 'data-check:recheck',
  /** Run and store an eligibility assessment of a registered household. */
  assessmentRun: 'assessment:run',
  /** See enrolments, payroll lines, statements and a household's payments. */
  paymentRead: 'payment:read',
  /** Enrol, change the amount, suspend, resume or terminate from a decision (county). */
  enrolmentChange: 'enrolment:change',
  /** Start a month's payroll and re-issue failed lines after an account correction (county finance). */
  paymentManage: 'payment:manage',
  /** Register the reconsideration and court cases against the county's decisions and record their outcomes (county). */
  appealManage: 'appeal:manage',
  /** Run fixity checks (four-property tests) and read their results (archivists). */
  archiveManage: 'archive:manage',
} as const;
export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

const P = PERMISSIONS;

/** The one table of which role may do what. Scope (which divisions) is checked separately. */
export const ROLE_PERMISSIONS: Record<Role, Permission[]> = {
  COMMUNITY_CASEWORKER: [
    P.applicationCreate,
    P.applicationRead,
    P.documentRead,
    P.householdRegister,
    P.assessmentRun,
    P.objectionRecord,
    P.dataCheckRecheck,
  ],
  STREET_REVIEWER: [P.applicationRead, P.documentRead, P.assessmentRun, P.dataCheckRecheck],
  COUNTY_APPROVER: [
    P.applicationRead,
    P.documentRead,
    P.personalDataReveal,
    P.assessmentRun,
    P.paymentRead,
    P.enrolmentChange,
    P.appealManage,
  ],
  COUNTY_FINANCE: [P.applicationRead, P.paymentRead, P.paymentManage],
  ARCHIVIST: [P.applicationRead, P.documentRead, P.archiveManage],
  AUDITOR: [P.applicationRead, P.documentRead, P.accessLogRead, P.paymentRead],
  ADMINISTRATOR: [P.accountManage, P.accessLogRead, P.eligibilityRulesManage, P.approvalPolicyManage, P.calendarManage],
};

export function rolesAllow(roles: readonly string[], permission: Permission): boolean {
  return roles.some(
    (role) => (ROLE_PERMISSIONS as Record<string, Permission[] | undefined>)[role]?.includes(permission) ?? false,
  );
}
