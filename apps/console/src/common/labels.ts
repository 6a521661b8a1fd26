import { STAGE_LABELS } from '@app/contracts/approval/approval-policy';
import type { TaskPurpose } from '@app/contracts/approval/delivery';
import type { TaskRequirementKind } from '@app/contracts/approval/task-requirements';

export { STAGE_LABELS };
export { beijingDate, beijingMinute } from '@app/domain/calendar/working-days';
export { DELIVERY_METHOD_LABELS } from '@app/contracts/approval/delivery';
export { ROLE_LABELS } from '@app/contracts/identity/roles';
export { APPLICATION_STATUS_LABELS } from '@app/contracts/intake/application.reply';

/** What staff can decide; DELIVER is the only answer to a delivery task. */
export const DECISION_LABELS = {
  APPROVE: '同意',
  REJECT: '不同意',
  RETURN: '退回',
  TERMINATE: '终止审批（申请人不配合）',
  DELIVER: '登记送达',
} as const;
export type Decision = keyof typeof DECISION_LABELS;

export const PURPOSE_LABELS: Record<TaskPurpose, string> = { DECISION: '审批', DELIVERY: '送达' };

export const REQUIREMENT_LABELS: Record<TaskRequirementKind, string> = {
  SURVEY: '入户调查记录',
  APPRAISAL: '民主评议记录',
  HOME_VISIT: '入户核查记录',
};

/** Where a chain went after a decision, as the decision's answer names it. */
export const NEXT_LABELS: Record<string, string> = {
  ...STAGE_LABELS,
  PUBLICITY: '公示',
  APPROVED: '审核确认，已纳入保障',
  REJECTED: '不予确认',
  TERMINATED: '终止审批',
  APPLICANT: '退回申请人补正材料',
};

/** The chain's history, in staff's words; an event not named here is shown as recorded. */
export const HISTORY_STAGE_LABELS: Record<string, string> = {
  ACCEPTANCE: '受理',
  ASSESSMENT: '核对评估',
  ...STAGE_LABELS,
  PUBLICITY: '公示',
  OUTCOME: '结果',
  DELIVERY: '送达',
};

export const HISTORY_EVENT_LABELS: Record<string, string> = {
  RECEIVED: '已受理',
  OPENED: '待办',
  APPROVE: '同意',
  REJECT: '不同意',
  RETURN: '退回',
  TERMINATE: '终止审批',
  ELIGIBLE: '评估符合条件',
  NOT_ELIGIBLE: '评估不符合条件',
  PUBLISHED: '已公示',
  OBJECTION: '公示有异议',
  SURVEYED: '已入户调查',
  APPRAISED: '已民主评议',
  ESCALATED: '逾期督办',
  DUE_DATE_SET: '已定办理期限',
  CONFLICT_REGISTERED: '近亲属备案',
  APPROVED: '审核确认',
  REJECTED: '不予确认',
  TERMINATED: '终止审批',
  WITHDRAWN: '申请人撤回',
  NOTICE_FILED: '通知书已归档',
  NOTICE_SERVED: '通知书已送达',
  DELIVERED: '已送达',
  DELIVERED_LATE: '逾期送达',
  HOME_VISIT_SAMPLED: '抽中入户核查',
  HOME_VISIT_NOT_SAMPLED: '未抽中入户核查',
  OVERALL_PAUSED: '总时限暂停',
  OVERALL_OVERDUE: '超过总时限',
  OVERALL_EXTENDED: '总时限延长',
};
