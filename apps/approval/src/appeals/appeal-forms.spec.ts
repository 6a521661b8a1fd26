import { outcomeForm, outcomeToActOn, registrationForm } from './appeal-forms';

describe('the records of a reconsideration or court case', () => {
  const appeal = {
    kind: 'LITIGATION' as const,
    body: '长春市南关区人民法院',
    caseNo: '（2026）吉0102行初15号',
    receivedOn: '2026-11-20',
    claim: '请求撤销停发决定',
    contestedTitle: '停止发放最低生活保障金决定书',
    contestedReferenceCode: '220102-DB·2026-D5-220102001·001-0007-0012',
  };
  const at = new Date('2026-11-27T02:00:00Z');

  it('names the court, the case and the contested decision with its 档号, and says the file is held', () => {
    const form = registrationForm(appeal, 'county1', at);
    expect(form.title).toBe('行政诉讼案件登记表');
    expect(form.fields).toEqual(
      expect.arrayContaining([
        { label: '受理法院', value: '长春市南关区人民法院' },
        { label: '案号', value: '（2026）吉0102行初15号' },
        {
          label: '被申请复议（起诉）的决定',
          value: `停止发放最低生活保障金决定书（档号${appeal.contestedReferenceCode}）`,
        },
        { label: '请求事项', value: '请求撤销停发决定' },
      ]),
    );
    expect(form.notes).toEqual(['案件审结前，本户档案处于保全状态，不得销毁。']);
    expect(form.completedAt).toBe(at.toISOString());
  });

  it('says whether the county must decide again', () => {
    expect(['REVOKED', 'VARIED', 'ORDERED_TO_ACT'].every((o) => outcomeToActOn(o as never))).toBe(true);
    expect(['UPHELD', 'CONFIRMED_UNLAWFUL', 'DISMISSED', 'WITHDRAWN'].some((o) => outcomeToActOn(o as never))).toBe(
      false,
    );
    const revoked = outcomeForm(
      appeal,
      { outcome: 'REVOKED', decidedOn: '2026-11-26', decisionNo: '（2026）吉0102行初15号判决' },
      'county1',
      at,
    );
    expect(revoked.title).toBe('行政诉讼案件结果记录');
    expect(revoked.fields).toContainEqual({ label: '结果', value: '撤销原决定' });
    expect(revoked.fields.map((field) => field.label)).not.toContain('说明');
    expect(revoked.notes![0]).toContain('重新作出决定');
    const upheld = outcomeForm(
      { ...appeal, kind: 'APPEAL', body: '长春市南关区人民政府' },
      { outcome: 'UPHELD', decidedOn: '2026-11-26', decisionNo: '南府复决〔2026〕3号', note: '原决定认定事实清楚' },
      'county1',
      at,
    );
    expect(upheld.fields).toEqual(
      expect.arrayContaining([
        { label: '复议机关', value: '长春市南关区人民政府' },
        { label: '说明', value: '原决定认定事实清楚' },
      ]),
    );
    expect(upheld.notes).toEqual(['案件审结，原决定继续有效。']);
  });
});
