import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

import { checkApprovalRules, MODEL_STAGES, STAGE_ROLES } from './approval-policy';
import type { ApprovalPolicy } from './approval-policy';
import { CreateApprovalPolicyRequest } from './approval-policy.request';
import { CreatePolicyRequest } from '../eligibility/rule-versions.request';

type Rules = Omit<ApprovalPolicy, 'id' | 'divisionCode' | 'drill'>;

const rulesOf = (model: Rules['model'], limits: number[], overrides: Partial<Rules> = {}): Rules => ({
  model,
  stages: MODEL_STAGES[model].map((stage, index) => ({
    stage,
    role: STAGE_ROLES[stage],
    limitWorkingDays: limits[index],
  })),
  publicityAfter: MODEL_STAGES[model][0],
  publicityDays: 7,
  overallLimitWorkingDays: 30,
  firstPaymentMonthOffset: 1,
  ...overrides,
});

describe('checkApprovalRules', () => {
  it.each([
    ['THREE_LEVEL', [10, 10, 10]],
    ['NATIONAL_2021', [15, 15]],
    ['DELEGATED', [30]],
  ] as const)('accepts the %s model with its stages in order', (model, limits) => {
    expect(checkApprovalRules(rulesOf(model, [...limits]))).toEqual([]);
  });

  it('names the stages a model must have when they are missing or out of order', () => {
    const rules = rulesOf('THREE_LEVEL', [10, 10, 10]);
    const problems = checkApprovalRules({ ...rules, stages: [rules.stages[1], rules.stages[0], rules.stages[2]] });
    expect(problems).toEqual([
      {
        field: 'rules.stages',
        message: '三级审批的审批环节应依次为：社区（村）初审、街道（乡镇）审核、县级审核确认',
      },
    ]);
  });

  it('refuses a stage decided by another stage’s role, naming the element', () => {
    const rules = rulesOf('NATIONAL_2021', [10, 10]);
    rules.stages[1] = { ...rules.stages[1], role: 'STREET_REVIEWER' };
    expect(checkApprovalRules(rules)).toEqual([
      { field: 'rules.stages.1.role', message: '县级审核确认应由COUNTY_APPROVER办理' },
    ]);
  });

  it('refuses publicity after a stage the policy does not have', () => {
    expect(checkApprovalRules(rulesOf('DELEGATED', [20], { publicityAfter: 'COMMUNITY' }))).toEqual([
      { field: 'rules.publicityAfter', message: '公示应在所列审批环节之一之后' },
    ]);
  });

  it('refuses an extended overall limit shorter than the overall limit', () => {
    expect(checkApprovalRules(rulesOf('THREE_LEVEL', [10, 10, 10], { extendedLimitWorkingDays: 20 }))).toEqual([
      {
        field: 'rules.extendedLimitWorkingDays',
        message: '延长后的总时限（20个工作日）不能短于总时限（30个工作日）',
      },
    ]);
    expect(checkApprovalRules(rulesOf('THREE_LEVEL', [10, 10, 10], { extendedLimitWorkingDays: 45 }))).toEqual([]);
  });

  it('refuses an overall limit shorter than the stages’ limits together', () => {
    expect(checkApprovalRules(rulesOf('THREE_LEVEL', [10, 15, 10]))).toEqual([
      {
        field: 'rules.overallLimitWorkingDays',
        message: '总时限（30个工作日）不能短于各环节时限之和（35个工作日）',
      },
    ]);
  });
});

describe('a new version without its rules', () => {
  // Without a required nested object the service would be handed `undefined` and answer 500; it is a field error.
  it.each([
    ['an approval procedure', CreateApprovalPolicyRequest, '220183'],
    ['a calculation policy', CreatePolicyRequest, '2201'],
  ] as const)('is refused for %s, naming rules', async (_kind, type, divisionCode) => {
    const request = plainToInstance(type as new () => object, {
      divisionCode,
      effectiveFrom: '2027-01-01',
      reason: '文号',
      idempotencyKey: 'key',
    });
    const errors = await validate(request);
    expect(errors.map((error) => error.property)).toEqual(['rules']);
    expect(Object.values(errors[0].constraints ?? {}).join()).toContain('rules');
  });
});

describe("a version's overall clock", () => {
  const request = (overallClockExcludesPublicity: unknown) =>
    plainToInstance(CreateApprovalPolicyRequest, {
      divisionCode: '220183',
      effectiveFrom: '2027-01-01',
      reason: '渝府令第305号',
      idempotencyKey: 'key',
      rules: { ...rulesOf('THREE_LEVEL', [10, 10, 10]), overallClockExcludesPublicity },
    });

  it('may stop during publicity (Chongqing), and says so only with true or false', async () => {
    expect(await validate(request(true))).toEqual([]);
    const errors = await validate(request('yes'));
    expect(JSON.stringify(errors)).toContain('overallClockExcludesPublicity 须为 true 或 false');
  });
});
