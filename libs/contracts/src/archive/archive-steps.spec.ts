import { archiveStepLabel } from './archive-steps';

describe('archiveStepLabel', () => {
  it.each([
    ['application-received', '受理'],
    ['community:1', '社区·第1次'],
    ['county:2:escalation', '县级民政部门·第2次·超期督办'],
    ['street:1:survey', '街道（乡镇）·第1次·入户调查'],
    ['assessment:1:notice:delivery', '核对认定·第1次·告知·送达'],
    ['publicity:1:objection', '公示·第1次·异议'],
    ['member-change:join:2026-05-01', '家庭成员变动·增员·2026-05-01'],
    ['benefit-change:terminate:2026-07', '待遇变更·停止发放·2026-07'],
    ['periodic-review:2026-05-01', '定期核查·2026-05-01'],
    ['post-approval-publicity', '审批后公示'],
  ])('reads %s as %s', (step, label) => {
    expect(archiveStepLabel(step)).toBe(label);
  });

  it('shows a step it does not know as it is', () => {
    expect(archiveStepLabel('transfer:2027')).toBe('transfer:2027');
    expect(archiveStepLabel('')).toBe('');
  });
});
