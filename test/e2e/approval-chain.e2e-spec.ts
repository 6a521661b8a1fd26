import { randomUUID } from 'node:crypto';

import { beijingDate } from '@app/domain';
import { expectDueDateOrMissingYear } from '@test/support/chains';
import { makeIdNumber } from '@test/support/factories/application.factory';
import { call, type Json, purpose, tokenOf, until } from '@test/support/http-client';

/**
 * Staff decide through the gateway (running stack): the caseworker finds the new application in the inbox,
 * a reviewer of another level is refused, the caseworker's refusal files the opinion and the refusal notice,
 * a repeated decision returns the first answer, and the township serves the notice (its proof of delivery filed).
 */
describe('the approval chain through the gateway (running stack)', () => {
  let community1: string;
  let street1: string;

  beforeAll(async () => {
    [community1, street1] = await Promise.all([tokenOf('community1'), tokenOf('street1')]);
  });

  it('inbox → refused wrong level → rejection with reasons → refusal notice filed and served; a repeat returns the same', async () => {
    const created = await call('POST', '/api/v1/applications', {
      token: community1,
      headers: { 'Idempotency-Key': `e2e-${randomUUID()}` },
      body: {
        divisionCode: '220102001001',
        applicantName: '周审批',
        applicantIdNumber: makeIdNumber(),
        householdSize: 1,
        reason: '失业，无固定收入',
        details: { dataCheckConsent: true },
      },
    });
    expect(created.status).toBe(201);
    const applicationId = created.body.id as string;

    const task = await until(async () => {
      const inbox = await call('GET', `/api/v1/tasks?stage=COMMUNITY&applicationId=${applicationId}`, {
        token: community1,
      });
      expect(inbox.status).toBe(200);
      return (inbox.body.items as Json[]).find((item) => item.applicationId === applicationId);
    }, 45_000);
    expect(task).toMatchObject({ stage: 'COMMUNITY', status: 'OPEN', overdue: false, attempt: 1 });
    expect(task.applicant).toMatchObject({ name: '周审批', householdSize: 1 });
    expectDueDateOrMissingYear(task);

    const wrongLevel = await call('POST', `/api/v1/tasks/${task.id}/decision`, {
      token: street1,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { decision: 'APPROVE', opinion: '越级办理' },
    });
    expect(wrongLevel.status).toBe(403);
    const noReasons = await call('POST', `/api/v1/tasks/${task.id}/decision`, {
      token: community1,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { decision: 'REJECT', opinion: '不符合条件' },
    });
    expect(noReasons.status).toBe(400);
    expect(noReasons.body.details).toEqual([expect.objectContaining({ field: 'reasons' })]);

    const key = randomUUID();
    const decide = () =>
      call('POST', `/api/v1/tasks/${task.id}/decision`, {
        token: community1,
        headers: { 'Idempotency-Key': key },
        body: {
          decision: 'REJECT',
          opinion: '经入户调查，家庭收入高于标准。',
          reasons: ['家庭人均收入高于当地低保标准'],
        },
      });
    const rejected = await decide();
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ decision: 'REJECT', next: 'REJECTED' });
    expect((await decide()).body).toEqual(rejected.body);

    const view = await until(async () => {
      const current = await call('GET', `/api/v1/applications/${applicationId}`, {
        token: community1,
        headers: purpose('核对审批结果'),
      });
      return current.body.application?.status === 'REJECTED' ? current.body : undefined;
    });
    expect((view.documents as Json[]).map((d) => d.documentType)).toEqual([
      'APPLICATION_RECEIVED',
      'ASSESSMENT_REPORT',
      'COMMUNITY_OPINION',
      'REFUSAL_NOTICE',
    ]);

    // The township serves the notice: a delivery task in its inbox, answered with how it was served.
    const delivery = await until(async () => {
      const current = await call('GET', `/api/v1/tasks?purpose=DELIVERY&applicationId=${applicationId}`, {
        token: street1,
      });
      expect(current.status).toBe(200);
      return (current.body.items as Json[])[0];
    }, 30_000);
    expect(delivery).toMatchObject({ stage: 'STREET', purpose: 'DELIVERY', status: 'OPEN' });
    const deliver = (body: Json) =>
      call('POST', `/api/v1/tasks/${delivery.id}/decision`, {
        token: street1,
        headers: { 'Idempotency-Key': randomUUID() },
        body,
      });
    const incomplete = await deliver({ decision: 'DELIVER', opinion: '已送达' });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.details).toEqual([
      { field: 'delivery', messages: expect.arrayContaining(['登记送达时须填写送达情况（delivery）']) },
    ]);
    const served = await deliver({
      decision: 'DELIVER',
      opinion: '已将通知书当面交给申请人，申请人签收',
      delivery: { deliveredOn: beijingDate(new Date()), method: 'IN_PERSON', recipient: '周审批' },
    });
    expect(served.status).toBe(200);
    expect(served.body).toMatchObject({ decision: 'DELIVER', next: 'REJECTED' });

    // Where the chain stands, from the chain itself: ended as refused, every step in its history.
    const progress = await until(async () => {
      const current = await call('GET', `/api/v1/applications/${applicationId}`, {
        token: community1,
        headers: purpose('核对审批进度'),
      });
      return current.body.progress?.stage === 'REJECTED' ? (current.body.progress as Json) : undefined;
    });
    expect((progress.history as Json[]).map((entry) => entry.event)).toEqual(
      expect.arrayContaining(['RECEIVED', 'OPENED', 'REJECT', 'REJECTED', 'DELIVERED']),
    );
    const filed = await call('GET', `/api/v1/applications/${applicationId}`, {
      token: community1,
      headers: purpose('核对送达回证'),
    });
    expect((filed.body.documents as Json[]).map((d) => d.documentType).slice(-2)).toEqual([
      'REFUSAL_NOTICE',
      'DELIVERY_RECEIPT',
    ]);
    expect(progress).toHaveProperty('overallDueDate');
    for (const token of [community1, street1]) {
      const inbox = await call('GET', `/api/v1/tasks?applicationId=${applicationId}`, { token });
      expect(inbox.body).toEqual({ items: [], total: 0 });
    }
  }, 90_000);
});
