import { applicationReceivedContent } from './application-received.template';

describe('applicationReceivedContent', () => {
  const data = {
    applicationNo: 'SQ-220102-2026-000001',
    applicantName: '张三',
    applicantIdNumberMasked: '220102********0012',
    householdSize: 3,
    reason: '因病丧失劳动能力',
    submittedAt: '2026-11-26T14:32:51.994Z',
  };

  it('prints the masked ID number, never a full one, and the Beijing submission time', () => {
    const sut = applicationReceivedContent(data, '220102001001', 'system');
    const idField = sut.fields.find((field) => field.label === '公民身份号码');
    expect(idField?.value).toBe('220102********0012');
    expect(sut.fields.find((field) => field.label === '申请时间')?.value).toBe('2026年11月26日 22:32（北京时间）');
    expect(sut.title).toBe('最低生活保障申请受理回执');
  });

  it('fixes the creation date to the submission time so identical input renders identical bytes', () => {
    expect(applicationReceivedContent(data, '220102001001', 'system').createdAt.toISOString()).toBe(data.submittedAt);
  });
});
