import {
  APPEAL_KIND_LABELS,
  APPEAL_OUTCOME_LABELS,
  APPEAL_OUTCOMES_TO_ACT_ON,
  type AppealOutcome,
  type StepForm,
} from '@app/contracts';

/** What the forms print of a case: nothing personal beyond what the contested decision itself names. */
export interface AppealParticulars {
  kind: keyof typeof APPEAL_KIND_LABELS;
  body: string;
  caseNo: string;
  receivedOn: string;
  claim: string;
  contestedTitle: string;
  contestedReferenceCode: string;
}

const caseFields = (appeal: AppealParticulars) => [
  { label: '案件类型', value: APPEAL_KIND_LABELS[appeal.kind] },
  { label: appeal.kind === 'APPEAL' ? '复议机关' : '受理法院', value: appeal.body },
  { label: '案号', value: appeal.caseNo },
  { label: '被申请复议（起诉）的决定', value: `${appeal.contestedTitle}（档号${appeal.contestedReferenceCode}）` },
];

/** 行政复议（诉讼）案件登记表: filed when the county registers the case; the file is held from then on. */
export function registrationForm(appeal: AppealParticulars, registeredBy: string, at: Date): StepForm {
  return {
    title: `${APPEAL_KIND_LABELS[appeal.kind]}案件登记表`,
    fields: [
      ...caseFields(appeal),
      { label: '收到通知日期', value: appeal.receivedOn },
      { label: '请求事项', value: appeal.claim },
      { label: '登记人', value: registeredBy },
    ],
    notes: ['案件审结前，本户档案处于保全状态，不得销毁。'],
    completedAt: at.toISOString(),
  };
}

/** Whether the county has to decide again. */
export const outcomeToActOn = (outcome: AppealOutcome): boolean => APPEAL_OUTCOMES_TO_ACT_ON.includes(outcome);

/** 行政复议（诉讼）案件结果记录: filed when the county records the outcome; the hold is lifted then. */
export function outcomeForm(
  appeal: AppealParticulars,
  outcome: { outcome: AppealOutcome; decidedOn: string; decisionNo: string; note?: string | null },
  recordedBy: string,
  at: Date,
): StepForm {
  return {
    title: `${APPEAL_KIND_LABELS[appeal.kind]}案件结果记录`,
    fields: [
      ...caseFields(appeal),
      { label: '结果', value: APPEAL_OUTCOME_LABELS[outcome.outcome] },
      { label: '决定（判决、裁定）日期', value: outcome.decidedOn },
      { label: '决定书（判决书、裁定书）文号', value: outcome.decisionNo },
      ...(outcome.note ? [{ label: '说明', value: outcome.note }] : []),
      { label: '记录人', value: recordedBy },
    ],
    notes: [
      outcomeToActOn(outcome.outcome)
        ? '原决定被撤销、变更或责令履行：请县级民政部门依法重新作出决定，并将新决定归入本户档案。'
        : '案件审结，原决定继续有效。',
    ],
    completedAt: at.toISOString(),
  };
}
