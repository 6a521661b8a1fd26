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

/** DELIVER records how a refusal or termination notice was served (送达回证). */
describe('DecideTaskRequest: the delivery of a notice', () => {
  const deliver = (delivery: unknown) =>
    plainToInstance(DecideTaskRequest, {
      taskId: '6f1c2a4e-8a1b-4c3d-9e2f-0a1b2c3d4e5f',
      decision: 'DELIVER',
      opinion: '已当面送达',
      idempotencyKey: 'k',
      delivery,
    });
  const messages = async (request: DecideTaskRequest) =>
    (await validate(request)).flatMap((error) => [
      ...Object.values(error.constraints ?? {}),
      ...(error.children ?? []).flatMap((child) => Object.values(child.constraints ?? {})),
    ]);

  it('accepts a notice served in person, left at the residence with a witness, or by post with its number', async () => {
    const base = { deliveredOn: '2026-11-27', recipient: '张三' };
    expect(await messages(deliver({ ...base, method: 'IN_PERSON' }))).toEqual([]);
    expect(await messages(deliver({ ...base, method: 'LEFT_AT_RESIDENCE', witnesses: ['李四'] }))).toEqual([]);
    expect(await messages(deliver({ ...base, method: 'BY_POST', trackingNo: 'EMS1234567890CN' }))).toEqual([]);
  });

  it('refuses a delivery without its particulars, each with what is missing', async () => {
    expect(await messages(deliver(undefined))).toContain('登记送达时须填写送达情况（delivery）');
    const base = { deliveredOn: '2026-11-27', recipient: '张三' };
    expect(await messages(deliver({ ...base, method: 'LEFT_AT_RESIDENCE' }))).toContain('留置送达须写明见证人');
    expect(await messages(deliver({ ...base, method: 'BY_POST' }))).toContain('邮寄送达须填写邮件号码');
    // Given with another method, they are still checked: the receipt prints them.
    expect(await messages(deliver({ ...base, method: 'IN_PERSON', witnesses: '李四' }))).toContain(
      '留置送达须写明见证人',
    );
    expect(await messages(deliver({ ...base, method: 'IN_PERSON', trackingNo: { no: 1 } }))).toContain(
      '邮寄送达须填写邮件号码',
    );
    expect(await messages(deliver({ ...base, method: 'BY_HAND' }))).toEqual([
      expect.stringContaining('送达方式只能是IN_PERSON'),
    ]);
    expect(await messages(deliver({ deliveredOn: '2026-02-30', method: 'IN_PERSON', recipient: '' }))).toEqual(
      expect.arrayContaining(['送达日期应为存在的日期，格式YYYY-MM-DD', '请填写受送达人']),
    );
  });

  it('checks a list given with any decision, since the step’s record prints it', async () => {
    const approve = (extra: Record<string, unknown>) =>
      plainToInstance(DecideTaskRequest, {
        taskId: '6f1c2a4e-8a1b-4c3d-9e2f-0a1b2c3d4e5f',
        decision: 'APPROVE',
        opinion: '同意',
        idempotencyKey: 'k',
        ...extra,
      });
    expect((await validate(approve({ reasons: '不是列表' }))).map((error) => error.property)).toEqual(['reasons']);
    expect((await validate(approve({ missing: [1, 2] }))).map((error) => error.property)).toEqual(['missing']);
    expect(await validate(approve({ reasons: ['补充说明'] }))).toEqual([]);
  });

  it('asks for no delivery with a decision on the application', async () => {
    expect(
      await messages(
        plainToInstance(DecideTaskRequest, {
          taskId: '6f1c2a4e-8a1b-4c3d-9e2f-0a1b2c3d4e5f',
          decision: 'APPROVE',
          opinion: '同意',
          idempotencyKey: 'k',
        }),
      ),
    ).toEqual([]);
  });
});
