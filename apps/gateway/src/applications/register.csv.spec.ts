import type { ApplicationSummary } from '@app/contracts';

import { registerCsv } from './register.csv';

describe('registerCsv', () => {
  it('writes the register in Chinese, masked, quoting what needs it, with a byte-order mark and CRLF', () => {
    const item: ApplicationSummary = {
      id: '8f0c3d9e-0f6b-4b8e-9c39-3b7f0d7f6a11',
      applicationNo: 'SQ-220102-2026-000001',
      householdId: '5b0a3a43-5c55-4a39-8f0f-6a1a2b3c4d5e',
      divisionCode: '220102001001',
      applicantName: '张三',
      applicantIdNumberMasked: '220102********0012',
      householdSize: 3,
      reason: '因病，丧失劳动能力，"无"收入',
      status: 'IN_REVIEW',
      workflowId: 'approval-chain-8f0c3d9e-0f6b-4b8e-9c39-3b7f0d7f6a11',
      submittedAt: '2026-11-27T16:30:00.000Z',
      withdrawnReason: null,
      updatedAt: '2026-11-28T01:00:00.000Z',
    };
    const lines = registerCsv([item, { ...item, status: 'DRAFT', submittedAt: null }]).split('\r\n');
    expect(lines[0]).toBe('\ufeff申请编号,申请人,公民身份号码,家庭人口,所在社区（村）,状态,提交时间,最后更新,申请理由');
    expect(lines[1]).toBe(
      'SQ-220102-2026-000001,张三,220102********0012,3,220102001001,审核中,2026-11-28 00:30,2026-11-28 09:00,"因病，丧失劳动能力，""无""收入"',
    );
    expect(lines[2]).toContain(',草稿,,');
    expect(lines[3]).toBe('');
  });
});
