import { randomUUID } from 'node:crypto';

import { call, type Json, tokenOf } from '@test/support/http-client';

/**
 * An administrator publishes standards through the gateway; overlaps are a 409 naming the clash, bad input a
 * field-level 400, and every change appears in the audit trail. Uses a far-future year of 双阳区 (220112) so
 * repeated runs against the same database do not collide.
 */
describe('eligibility rules through the gateway', () => {
  let admin: string;
  let year: number;
  const body = (overrides: Json = {}) => ({
    divisionCode: '220112',
    urbanRural: 'RURAL',
    effectiveFrom: `${year}-01-01`,
    amountFen: 60_000,
    period: 'MONTH',
    reason: '双阳区民政局文件（测试）',
    ...overrides,
  });
  const publish = (payload: Json, key = `e2e-${randomUUID()}`) =>
    call('POST', '/api/v1/eligibility/standards', { token: admin, headers: { 'Idempotency-Key': key }, body: payload });

  beforeAll(async () => {
    admin = await tokenOf('admin');
    // After every version an earlier run left in this database; closePrevious ends an open-ended one.
    const existing = await call('GET', '/api/v1/eligibility/standards?divisionCode=220112', { token: admin });
    const years = (existing.body.items as Json[])
      .filter((s) => s.divisionCode === '220112' && s.urbanRural === 'RURAL')
      .map((s) => Number(String(s.effectiveFrom).slice(0, 4)));
    year = Math.max(2099, ...years) + 1;
  });

  it('publishes, refuses an overlap with 409, closes the previous version on request, and audits', async () => {
    const first = await publish(body({ effectiveTo: `${year}-12-31`, closePrevious: true }));
    expect(first.status).toBe(201);
    const clash = await publish(body({ effectiveFrom: `${year}-06-01`, effectiveTo: `${year}-06-30` }));
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ code: 'CONFLICT', details: [{ field: 'effectiveFrom' }] });
    expect(String(clash.body.message)).toContain(`${year}-01-01至${year}-12-31`);

    const next = await publish(
      body({ effectiveFrom: `${year + 1}-01-01`, effectiveTo: `${year + 1}-12-31`, amountFen: 62_000 }),
    );
    expect(next.status).toBe(201);
    const caseworker = await tokenOf('community1');
    const inForce = await call('GET', `/api/v1/eligibility/standards?divisionCode=220112&at=${year + 1}-03-01`, {
      token: admin,
    });
    expect(inForce.status).toBe(200);
    expect((inForce.body.items as Json[]).filter((s) => s.divisionCode === '220112')).toEqual([
      expect.objectContaining({ amountFen: 62_000, effectiveFrom: `${year + 1}-01-01` }),
    ]);
    expect((await call('GET', '/api/v1/eligibility/standards?divisionCode=220112', { token: caseworker })).status).toBe(
      403,
    );

    const trail = await call('GET', '/api/v1/eligibility/rule-changes?divisionCode=220112', { token: admin });
    expect(trail.status).toBe(200);
    expect((trail.body.items as Json[]).map((c) => c.versionId)).toEqual(
      expect.arrayContaining([first.body.id, next.body.id]),
    );
  });

  it('answers bad input with field-level 400s', async () => {
    const bad = await publish(body({ effectiveFrom: `${year}-02-30`, amountFen: -1, urbanRural: 'CITY' }));
    expect(bad.status).toBe(400);
    expect((bad.body.details as Json[]).map((d) => d.field).sort()).toEqual([
      'amountFen',
      'effectiveFrom',
      'urbanRural',
    ]);
    const noKey = await call('POST', '/api/v1/eligibility/standards', { token: admin, body: body() });
    expect(noKey.status).toBe(400);
  });
});
