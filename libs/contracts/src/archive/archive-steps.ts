/** The first part of a filed document's `step` (e.g. `county` of `county:1:escalation`) in Chinese. */
const STEP_LABELS: Record<string, string> = {
  'application-received': '受理',
  assessment: '核对认定',
  'conflict-of-interest': '近亲属备案',
  'evidence-upload': '证明材料',
  community: '社区',
  street: '街道（乡镇）',
  county: '县级民政部门',
  publicity: '公示',
  outcome: '审批结果',
  'post-approval-publicity': '审批后公示',
  delivery: '送达',
  overall: '办理总时限',
  'member-change': '家庭成员变动',
  'benefit-change': '待遇变更',
  'periodic-review': '定期核查',
  recovery: '追回',
  appeal: '复议诉讼',
  registration: '登记',
  'payment-roster': '发放名册',
  'statistics-report': '统计报表',
};

/** The later parts: what within the step (a survey, a notice), or the kind of a change. */
const PART_LABELS: Record<string, string> = {
  survey: '入户调查',
  appraisal: '民主评议',
  escalation: '超期督办',
  'refusal-notice': '不予批准通知',
  objection: '异议',
  notice: '告知',
  delivery: '送达',
  registration: '登记',
  outcome: '结果',
  join: '增员',
  leave: '减员',
  head: '变更户主',
  amount: '调整金额',
  suspend: '暂停发放',
  resume: '恢复发放',
  terminate: '停止发放',
  account: '收款账户变更',
};

/**
 * The step a document was filed at, as staff read it: `county:1:escalation` → 「县级民政部门·第1次·超期督办」,
 * `periodic-review:2026-05-01` → 「定期核查·2026-05-01」. A step this does not know is shown as it is.
 */
export function archiveStepLabel(step: string): string {
  const [first, ...rest] = step.split(':');
  const head = STEP_LABELS[first];
  if (head === undefined) {
    return step;
  }
  return [head, ...rest.map((part) => (/^\d{1,3}$/.test(part) ? `第${part}次` : (PART_LABELS[part] ?? part)))].join(
    '·',
  );
}
