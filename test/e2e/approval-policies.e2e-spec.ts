import { randomUUID } from 'node:crypto';

import { Client as Pg } from 'pg';

import { addCalendarDays, beijingDate } from '@app/domain';
import { NATIONAL_2021_RULES } from '@test/support/factories/approval-rules.factory';
import { call, tokenOf } from '@test/support/http-client';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/dibao';

/** 榆树市 (220182): no other test publishes a procedure for it, so this file owns its versions. */
const COUNTY = '220182';

/** Publishing a county's approval procedure through the gateway, as an administrator would (running stack). */
describe('approval policy versions through the gateway (running stack)', () => {
  const tomorrow = addCalendarDays(beijingDate(new Date()), 1);
  const body = {
    divisionCode: COUNTY,
    effectiveFrom: tomorrow,
    rules: NATIONAL_2021_RULES,
    reason: '榆民发〔2026〕3号',
  };

  beforeAll(async () => {
    const db = new Pg({ connectionString: DATABASE_URL });
    await db.connect();
    try {
      await db.query(`delete from approval.approval_policy where division_code = $1`, [COUNTY]);
    } finally {
      await db.end();
    }
  });

  it('publishes a version an administrator sends, once per key, and shows it as the procedure from its day', async () => {
    const admin = await tokenOf('admin');
    const key = `e2e-policy-${randomUUID()}`;
    const created = await call('POST', '/api/v1/approval-policies', {
      token: admin,
      headers: { 'Idempotency-Key': key },
      body,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ divisionCode: COUNTY, model: 'NATIONAL_2021', effectiveTo: null });
    const again = await call('POST', '/api/v1/approval-policies', {
      token: admin,
      headers: { 'Idempotency-Key': key },
      body,
    });
    expect(again.body.id).toBe(created.body.id);

    const listed = await call('GET', `/api/v1/approval-policies?divisionCode=${COUNTY}001001&at=${tomorrow}`, {
      token: admin,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.inForce).toBe(created.body.id);
  });

  it('answers a malformed version with 400 naming the field, and a caseworker with 403', async () => {
    const admin = await tokenOf('admin');
    const bad = await call('POST', '/api/v1/approval-policies', {
      token: admin,
      headers: { 'Idempotency-Key': `e2e-policy-${randomUUID()}` },
      body: { ...body, effectiveFrom: addCalendarDays(tomorrow, 30), rules: { ...body.rules, publicityDays: 0 } },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('公示期至少1天');

    const caseworker = await tokenOf('community1');
    const refused = await call('POST', '/api/v1/approval-policies', {
      token: caseworker,
      headers: { 'Idempotency-Key': `e2e-policy-${randomUUID()}` },
      body: { ...body, effectiveFrom: addCalendarDays(tomorrow, 30) },
    });
    expect(refused.status).toBe(403);
  });
});
