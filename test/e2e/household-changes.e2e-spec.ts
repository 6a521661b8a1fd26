import { randomUUID } from 'node:crypto';

import { beijingDate } from '@app/domain';
import { makeIdNumber } from '@test/support/factories/application.factory';
import { call, type Json, purpose, tokenOf } from '@test/support/http-client';

/** A change in a household's members through the gateway (running stack): field errors, roles, the change itself. */
describe('household member changes through the gateway (running stack)', () => {
  let community: string;
  let street: string;

  beforeAll(async () => {
    [community, street] = await Promise.all([tokenOf('community1'), tokenOf('street1')]);
  });

  it('records a death, refusing bad input by field and staff who do not register households', async () => {
    const headIdNumber = makeIdNumber();
    const spouseIdNumber = makeIdNumber();
    const registered = await call('POST', '/api/v1/households', {
      token: community,
      headers: { 'Idempotency-Key': randomUUID() },
      body: {
        divisionCode: '220102001001',
        members: [
          {
            name: '赵建国',
            idNumber: headIdNumber,
            relationship: '02',
            health: 'HEALTHY',
            workCapacity: 'FULL',
            schooling: 'NONE',
          },
          {
            name: '孙桂芝',
            idNumber: spouseIdNumber,
            relationship: '10',
            health: 'SERIOUS_ILLNESS',
            workCapacity: 'NONE',
            schooling: 'NONE',
          },
        ],
      },
    });
    expect(registered.status).toBe(201);
    const path = `/api/v1/households/${registered.body.id as string}/member-changes`;
    const death = { kind: 'LEAVE', reason: 'DEATH', occurredOn: beijingDate(new Date()), idNumber: spouseIdNumber };
    const post = (body: Json, token = community, key: string | null = randomUUID()) =>
      call('POST', path, { token, body, headers: key ? { 'Idempotency-Key': key } : {} });

    const missing = await post({ ...death, idNumber: undefined });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'idNumber' }] });
    const wrongReason = await post({ ...death, reason: 'BIRTH' });
    expect(wrongReason.status).toBe(400);
    expect(wrongReason.body).toMatchObject({
      details: [{ field: 'reason', messages: [expect.stringContaining('减员的原因只能是')] }],
    });
    expect((await post(death, community, null)).status).toBe(400);
    expect((await post(death, street)).status).toBe(403);

    const recorded = await post(death);
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      change: { kind: 'LEAVE', reason: 'DEATH', memberName: '孙桂芝', documentId: null, nextReviewOn: null },
    });
    const household = await call('GET', `/api/v1/households/${registered.body.id as string}`, {
      token: community,
      headers: purpose(),
    });
    expect((household.body.members as Json[]).map((member) => member.name)).toEqual(['赵建国']);
    expect(household.body.memberChanges).toEqual([recorded.body.change]);
    // The answer showed the household: logged as a read, its purpose the change.
    const logged = await call('GET', `/api/v1/access-log?recordId=${registered.body.id as string}`, {
      token: await tokenOf('auditor1'),
    });
    expect(logged.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'READ', recordType: 'household', purpose: '登记家庭成员变动' }),
      ]),
    );

    // The head moves out: a newcomer heads the household from then on (变更户主).
    const nephew = {
      name: '赵小军',
      idNumber: makeIdNumber(),
      relationship: '80',
      health: 'HEALTHY',
      workCapacity: 'FULL',
      schooling: 'NONE',
    };
    expect(
      (await post({ kind: 'JOIN', reason: 'MOVED_IN', occurredOn: death.occurredOn, member: nephew })).status,
    ).toBe(200);
    const headLeaves = { kind: 'LEAVE', reason: 'MOVED_OUT', occurredOn: death.occurredOn, idNumber: headIdNumber };
    const noNewHead = await post(headLeaves);
    expect(noNewHead.status).toBe(400);
    expect(noNewHead.body).toMatchObject({ details: [{ field: 'newHead' }] });
    const badRelationship = await post({
      ...headLeaves,
      newHead: { idNumber: nephew.idNumber, relationships: [{ idNumber: nephew.idNumber, relationship: '77' }] },
    });
    expect(badRelationship.status).toBe(400);
    expect(badRelationship.body).toMatchObject({ details: [{ field: 'newHead.relationships[0].relationship' }] });
    const handed = await post({ ...headLeaves, newHead: { idNumber: nephew.idNumber, relationships: [] } });
    expect(handed.status).toBe(200);
    expect(handed.body.change).toMatchObject({ memberName: '赵建国', newHead: { name: '赵小军' } });
    expect(handed.body.household.members).toEqual([
      expect.objectContaining({ name: '赵小军', isHead: true, relationship: '02' }),
    ]);
  });
});
