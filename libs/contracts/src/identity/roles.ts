/** Staff roles. Values are stored and sent on the wire: never rename one. */
export const ROLES = {
  communityCaseworker: 'COMMUNITY_CASEWORKER', // 社区经办
  streetReviewer: 'STREET_REVIEWER', // 街道审核
  countyApprover: 'COUNTY_APPROVER', // 县级审核确认
  countyFinance: 'COUNTY_FINANCE', // 县级财务
  archivist: 'ARCHIVIST', // 档案管理员
  auditor: 'AUDITOR', // 监督/审计
  administrator: 'ADMINISTRATOR', // 系统管理员
} as const;
export type Role = (typeof ROLES)[keyof typeof ROLES];
export const ALL_ROLES: Role[] = Object.values(ROLES);

/** Chinese names of the roles, for staff-facing text. */
export const ROLE_LABELS: Record<Role, string> = {
  COMMUNITY_CASEWORKER: '社区经办',
  STREET_REVIEWER: '街道审核',
  COUNTY_APPROVER: '县级审核确认',
  COUNTY_FINANCE: '县级财务',
  ARCHIVIST: '档案管理员',
  AUDITOR: '监督/审计',
  ADMINISTRATOR: '系统管理员',
};
