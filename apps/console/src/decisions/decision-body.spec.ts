import { decisionBody, emptyDraft, names } from './decision-body';

describe('the decision form as a request body', () => {
  const today = '2026-11-30';

  it('sends an approval with its opinion only, and no section left off', () => {
    const draft = emptyDraft('APPROVE', today);
    draft.opinion = '  经调查，家庭情况属实。 ';
    draft.reasons = '不会发送';
    expect(decisionBody(draft)).toEqual({ decision: 'APPROVE', opinion: '经调查，家庭情况属实。' });
  });

  it('sends a refusal with one reason a line, blank lines dropped', () => {
    const draft = { ...emptyDraft('REJECT', today), opinion: '不符合条件', reasons: '收入高于标准\n\n 有机动车 \n' };
    expect(decisionBody(draft)).toEqual({
      decision: 'REJECT',
      opinion: '不符合条件',
      reasons: ['收入高于标准', '有机动车'],
    });
  });

  it('sends a return to the applicant with what is missing, and a return to the previous stage without', () => {
    const toApplicant = {
      ...emptyDraft('RETURN', today),
      opinion: '材料不全',
      returnTo: 'APPLICANT' as const,
      missing: '户口簿复印件\n收入证明',
    };
    expect(decisionBody(toApplicant)).toEqual({
      decision: 'RETURN',
      opinion: '材料不全',
      returnTo: 'APPLICANT',
      missing: ['户口簿复印件', '收入证明'],
    });
    expect(decisionBody({ ...toApplicant, returnTo: 'PREVIOUS' })).toEqual({
      decision: 'RETURN',
      opinion: '材料不全',
      returnTo: 'PREVIOUS',
    });
  });

  it('sends the survey, appraisal and home visit switched on with an approval, counts as numbers', () => {
    const draft = emptyDraft('APPROVE', today);
    draft.opinion = '同意';
    draft.survey = {
      on: true,
      surveyedOn: '2026-11-28',
      surveyors: '王五、赵六',
      livingConditions: '租住平房',
      evidenceRequests: '',
    };
    draft.appraisal = {
      on: true,
      heldOn: '2026-11-29',
      participants: '9',
      votesFor: ' 8 ',
      votesAgainst: '一',
      minutes: '多数同意',
    };
    draft.homeVisit = { on: true, visitedOn: '2026-11-30', visitors: '甲,乙', findings: '属实' };
    expect(decisionBody(draft)).toEqual({
      decision: 'APPROVE',
      opinion: '同意',
      survey: { surveyedOn: '2026-11-28', surveyors: ['王五', '赵六'], livingConditions: '租住平房' },
      // A count that is not a whole number goes as typed: the gateway names the field.
      appraisal: { heldOn: '2026-11-29', participants: 9, votesFor: 8, votesAgainst: '一', minutes: '多数同意' },
      homeVisit: { visitedOn: '2026-11-30', visitors: ['甲', '乙'], findings: '属实' },
    });
    expect(decisionBody({ ...draft, decision: 'RETURN' })).not.toHaveProperty('survey');
  });

  it('sends how a notice was served, with witnesses or a tracking number only where the method needs them', () => {
    const draft = emptyDraft('DELIVER', today);
    draft.opinion = '已送达';
    draft.delivery = {
      deliveredOn: today,
      method: 'LEFT_AT_RESIDENCE',
      recipient: ' 周某 ',
      witnesses: '社区主任；楼长',
      trackingNo: 'EMS123456789',
    };
    expect(decisionBody(draft)).toEqual({
      decision: 'DELIVER',
      opinion: '已送达',
      delivery: { deliveredOn: today, method: 'LEFT_AT_RESIDENCE', recipient: '周某', witnesses: ['社区主任', '楼长'] },
    });
    draft.delivery.method = 'BY_POST';
    expect(decisionBody(draft).delivery).toEqual({
      deliveredOn: today,
      method: 'BY_POST',
      recipient: '周某',
      trackingNo: 'EMS123456789',
    });
  });

  it('splits names on 、 commas, semicolons and lines', () => {
    expect(names('张三、李四,王五，赵六;钱七\n孙八 ')).toEqual(['张三', '李四', '王五', '赵六', '钱七', '孙八']);
    expect(names('  ')).toEqual([]);
  });
});
