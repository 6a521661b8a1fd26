import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

import { DecideTaskRequest } from './task.request';
import { FormField } from '../archive/file-document.request';

const longest = (count: number, length: number) => Array.from({ length: count }, () => '理'.repeat(length));

/** A decision the chain accepts must always fit the form the archive files for it (fields of 4,000 characters). */
describe('DecideTaskRequest limits against the filed form', () => {
  const decision = (overrides: Record<string, unknown>) =>
    plainToInstance(DecideTaskRequest, {
      taskId: '6f1c2a4e-8a1b-4c3d-9e2f-0a1b2c3d4e5f',
      decision: 'REJECT',
      opinion: '不同意',
      reasons: ['收入超过标准'],
      idempotencyKey: 'k',
      ...overrides,
    });
  const fits = async (value: string) =>
    (await validate(plainToInstance(FormField, { label: '理由', value }))).length === 0;

  it('accepts the longest lists and each still fits one line of the filed form, joined as the chain joins them', async () => {
    const reasons = longest(20, 190);
    const missing = longest(30, 120);
    const evidenceRequests = longest(20, 190);
    const request = decision({
      reasons,
      missing,
      survey: { surveyedOn: '2026-11-26', surveyors: ['甲', '乙'], livingConditions: '简陋', evidenceRequests },
    });
    expect(await validate(request)).toEqual([]);
    expect(await fits(reasons.join('；'))).toBe(true);
    expect(await fits(missing.join('；'))).toBe(true);
    expect(await fits(evidenceRequests.join('；'))).toBe(true);
  });

  it('refuses a list longer or wider than the form can print, naming the field', async () => {
    const tooMany = await validate(decision({ reasons: longest(21, 10) }));
    expect(tooMany.map((error) => error.property)).toEqual(['reasons']);
    const tooWide = await validate(decision({ reasons: longest(1, 191) }));
    expect(tooWide.map((error) => error.property)).toEqual(['reasons']);
    const survey = await validate(
      decision({
        survey: {
          surveyedOn: '2026-11-26',
          surveyors: ['甲', '乙'],
          livingConditions: '简陋',
          evidenceRequests: longest(1, 191),
        },
      }),
    );
    expect(survey.map((error) => error.property)).toEqual(['survey']);
  });
});
