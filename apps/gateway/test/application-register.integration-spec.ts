// A small export limit, set before the gateway's configuration is read.
import './register-export-max.env';

import type { INestApplication, INestMicroservice } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import request from 'supertest';

import { ErrorCode, QUEUE_GROUPS } from '@app/contracts';
import { DEFAULT_DEMO_PASSWORD } from '@app/domain';
import { AppModule as IntakeAppModule } from '@apps/intake/src/app.module';
import { makeApplication, makeIdNumber } from '@test/support/factories/application.factory';
import { startService } from '@test/support/services';

import { createGateway } from '../src/gateway.bootstrap';

/** The register's export through the real gateway and intake: whole selections only, never cut short. */
describe('register export (real gateway, intake, PostgreSQL)', () => {
  let intake: INestMicroservice;
  let gateway: INestApplication;
  let http: ReturnType<typeof request>;
  let token: string;
  /** Drafts of one applicant: one household, `count` applications. */
  const householdWith = async (count: number) => {
    const applicantIdNumber = makeIdNumber();
    let householdId = '';
    const ids: string[] = [];
    for (let n = 0; n < count; n += 1) {
      const { idempotencyKey, ...body } = makeApplication({ draft: true, applicantIdNumber });
      const created = await http
        .post('/api/v1/applications')
        .set('authorization', `Bearer ${token}`)
        .set('Idempotency-Key', idempotencyKey)
        .send(body);
      expect(created.status).toBe(201);
      householdId = created.body.householdId as string;
      ids.push(created.body.id as string);
    }
    return { householdId, ids };
  };
  const exportOf = (householdId: string) =>
    http
      .get(`/api/v1/applications?householdId=${householdId}&format=csv`)
      .set('authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      });

  beforeAll(async () => {
    intake = await startService(IntakeAppModule, QUEUE_GROUPS.intake);
    gateway = await createGateway();
    await gateway.init();
    http = request(gateway.getHttpServer());
    token = (await http.post('/api/v1/auth/login').send({ username: 'community1', password: DEFAULT_DEMO_PASSWORD }))
      .body.accessToken as string;
  });

  afterAll(async () => {
    delete process.env.REGISTER_EXPORT_MAX;
    await gateway.close();
    await intake.close();
  });

  it('exports a selection within the limit, and refuses a larger one naming its size, logging nothing', async () => {
    const small = await householdWith(2);
    const exported = await exportOf(small.householdId);
    expect(exported.status).toBe(200);
    const lines = (exported.body as string).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\ufeff申请编号,申请人,/);

    const large = await householdWith(3);
    const refused = await exportOf(large.householdId);
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body as string)).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'format', messages: ['导出最多2条，当前筛选有3条'] }],
    });
    const logged = await gateway
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute<Array<{ n: number }>>(
        `select count(*)::int as n from identity.access_log where action = 'DOWNLOAD' and record_id in (?, ?, ?)`,
        large.ids,
      );
    expect(logged[0].n).toBe(0);
  });
});
