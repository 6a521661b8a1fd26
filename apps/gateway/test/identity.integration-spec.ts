import { randomUUID } from 'node:crypto';

import type { INestApplication, INestMicroservice } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { EntityManager } from '@mikro-orm/postgresql';
import request from 'supertest';

import { QUEUE_GROUPS, SUBJECTS } from '@app/contracts';
import { DEFAULT_DEMO_PASSWORD } from '@app/domain';
import { MessagingClient, TemporalClientService } from '@app/platform';
import { AppModule as ApprovalAppModule } from '@apps/approval/src/app.module';
import { AppModule as ArchiveAppModule } from '@apps/archive/src/app.module';
import { AppModule as IntakeAppModule } from '@apps/intake/src/app.module';
import { as, CALLERS } from '@test/support/callers';
import { terminateChains } from '@test/support/chains';
import { makeApplication } from '@test/support/factories/application.factory';
import { startService } from '@test/support/services';

import { createGateway } from '../src/gateway.bootstrap';

const PURPOSE = encodeURIComponent('低保审核');

/**
 * The gateway's identity and access log against the real test database, NATS and the intake and archive
 * services: login, lockout, token rotation and revocation, account administration, and the access log chain.
 */
describe('identity and access log (real PostgreSQL, NATS)', () => {
  let gateway: INestApplication;
  let services: INestMicroservice[];
  let http: ReturnType<typeof request>;
  const workflows: string[] = [];

  beforeAll(async () => {
    services = await Promise.all([
      startService(IntakeAppModule, QUEUE_GROUPS.intake),
      startService(ArchiveAppModule, QUEUE_GROUPS.archive),
    ]);
    gateway = await createGateway();
    await gateway.init();
    http = request(gateway.getHttpServer());
  });

  afterAll(async () => {
    const temporal = services[0].get(TemporalClientService);
    await terminateChains(temporal.client, workflows);
    await gateway.close();
    await Promise.all(services.map((service) => service.close()));
  });

  async function login(username: string, password = DEFAULT_DEMO_PASSWORD) {
    const response = await http.post('/api/v1/auth/login').send({ username, password });
    expect(response.status).toBe(200);
    return response.body as { accessToken: string; refreshToken: string };
  }

  async function createAccount(adminToken: string, body: Record<string, unknown>) {
    return http.post('/api/v1/accounts').set('authorization', `Bearer ${adminToken}`).send(body);
  }

  describe('tokens', () => {
    it('answers 401 to a missing, malformed, tampered or expired token', async () => {
      const { accessToken } = await login('county1');
      const [header, payload, signature] = accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const escalated = Buffer.from(
        JSON.stringify({ ...claims, sub: '00000000-0000-4000-8000-000000000000', roles: ['ADMINISTRATOR'] }),
      ).toString('base64url');
      const { iat: _iat, exp: _exp, ...rest } = claims;
      const expired = await gateway.get(JwtService).signAsync(rest, { expiresIn: -60 });
      const foreign = await new JwtService({ secret: 'someone-elses-secret-of-at-least-32-chars' }).signAsync({
        sub: claims.sub,
        typ: 'access',
      });

      for (const authorization of [
        undefined,
        'Bearer',
        'Bearer not.a.jwt',
        `Bearer ${header}.${escalated}.${signature}`,
        `Bearer ${expired}`,
        `Bearer ${foreign}`,
        `Basic ${accessToken}`,
      ]) {
        const call = http.get('/api/v1/auth/me');
        const response = await (authorization ? call.set('authorization', authorization) : call);
        expect({ authorization, status: response.status, code: response.body.code }).toEqual({
          authorization,
          status: 401,
          code: 'UNAUTHENTICATED',
        });
      }
      const ok = await http.get('/api/v1/auth/me').set('authorization', `Bearer ${accessToken}`);
      expect(ok.body).toMatchObject({ username: 'county1', roles: ['COUNTY_APPROVER'], divisionCode: '220102' });
      expect(ok.body).not.toHaveProperty('passwordHash');
    });

    it('rotates refresh tokens, refuses a revoked one, and revokes everything when a rotated one is replayed', async () => {
      const first = await login('street1');
      const rotated = await http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken });
      expect(rotated.status).toBe(200);

      const replay = await http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken });
      expect(replay.status).toBe(401);
      const afterReplay = await http.post('/api/v1/auth/refresh').send({ refreshToken: rotated.body.refreshToken });
      expect(afterReplay.status).toBe(401);

      const second = await login('street1');
      expect((await http.post('/api/v1/auth/logout').send({ refreshToken: second.refreshToken })).status).toBe(204);
      expect((await http.post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken })).status).toBe(401);
      expect((await http.post('/api/v1/auth/logout').send({ refreshToken: second.refreshToken })).status).toBe(204);
    });
  });

  describe('accounts', () => {
    let provinceAdmin: string;
    let countyAdmin: string;
    /** A change of an account's standing gives back the tasks it signed for (approval). */
    let approval: INestMicroservice;

    beforeAll(async () => {
      approval = await startService(ApprovalAppModule, QUEUE_GROUPS.approval);
      provinceAdmin = (await login('admin')).accessToken;
      const body = {
        username: 'admin-nanguan',
        displayName: '南关区管理员',
        divisionCode: '220102',
        roles: ['ADMINISTRATOR'],
        password: 'county-admin-pass-1',
      };
      expect([200, 201]).toContain((await createAccount(provinceAdmin, body)).status);
      countyAdmin = (await login('admin-nanguan', 'county-admin-pass-1')).accessToken;
    });

    afterAll(async () => {
      await approval.close();
    });

    it("creates accounts within the administrator's subtree, idempotently by username", async () => {
      const body = {
        username: 'community9',
        displayName: '恒安社区经办',
        divisionCode: '220102001002',
        roles: ['COMMUNITY_CASEWORKER'],
        password: 'community9-pass',
      };
      const first = await createAccount(countyAdmin, body);
      const again = await createAccount(countyAdmin, body);
      const different = await createAccount(countyAdmin, { ...body, displayName: '别人' });

      expect([first.status, again.status, different.status]).toEqual([201, 200, 409]);
      expect(again.body.id).toBe(first.body.id);
      const list = await http.get('/api/v1/accounts').set('authorization', `Bearer ${countyAdmin}`);
      const divisions = (list.body as Array<{ divisionCode: string }>).map((account) => account.divisionCode);
      expect(divisions.every((code) => code.startsWith('220102'))).toBe(true);
      expect(divisions).not.toContain('22');
    });

    it("refuses an account above or beside the administrator's own level, changing nothing", async () => {
      for (const divisionCode of ['2201', '22', '220104']) {
        const response = await createAccount(countyAdmin, {
          username: `escalate${divisionCode}`,
          displayName: '越权',
          divisionCode,
          roles: ['ADMINISTRATOR'],
          password: 'escalation-pass',
        });
        expect(response.status).toBe(403);
        expect(response.body.details).toEqual([
          { field: 'divisionCode', messages: ['所选行政区划不在您的管辖范围内'] },
        ]);
      }
      const rows = await gateway
        .get(EntityManager)
        .fork()
        .getConnection()
        .execute(`select 1 from identity.account where username like 'escalate%'`);
      expect(rows).toHaveLength(0);
    });

    it('refuses field errors with Chinese messages', async () => {
      const response = await createAccount(countyAdmin, {
        username: 'X',
        displayName: '',
        divisionCode: '1',
        roles: ['KING'],
        password: 'short',
      });
      expect(response.status).toBe(400);
      expect((response.body.details as Array<{ field: string }>).map((detail) => detail.field).sort()).toEqual([
        'displayName',
        'divisionCode',
        'password',
        'roles',
        'username',
      ]);
    });

    it('stops a deactivated account at once, even with an unexpired token', async () => {
      const body = {
        username: 'leaver1',
        displayName: '离职人员',
        divisionCode: '220102001',
        roles: ['STREET_REVIEWER'],
        password: 'leaver1-pass-x',
      };
      const created = await createAccount(countyAdmin, body);
      const tokens = await login('leaver1', 'leaver1-pass-x');

      const patch = await http
        .patch(`/api/v1/accounts/${created.body.id}`)
        .set('authorization', `Bearer ${countyAdmin}`)
        .send({ active: false });
      expect(patch.status).toBe(200);

      expect((await http.get('/api/v1/auth/me').set('authorization', `Bearer ${tokens.accessToken}`)).status).toBe(401);
      expect((await http.post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken })).status).toBe(401);
      expect(
        (await http.post('/api/v1/auth/login').send({ username: 'leaver1', password: 'leaver1-pass-x' })).status,
      ).toBe(401);
    });

    it('gives back the tasks a deactivated account signed for, and changes nothing when that cannot be done', async () => {
      const body = {
        username: 'holder1',
        displayName: '签收人员',
        divisionCode: '220102001001',
        roles: ['COMMUNITY_CASEWORKER'],
        password: 'holder1-pass-x',
      };
      const created = await createAccount(countyAdmin, body);
      const holder = await login('holder1', 'holder1-pass-x');
      const task = await as(CALLERS.system, () =>
        approval.get(MessagingClient).request(SUBJECTS.approval.taskOpen, {
          taskId: randomUUID(),
          applicationId: randomUUID(),
          applicationNo: 'SQ-220102-2026-000003',
          householdId: randomUUID(),
          divisionCode: '220102001001',
          workflowId: `approval-chain-${randomUUID()}`,
          stage: 'COMMUNITY',
          role: 'COMMUNITY_CASEWORKER',
          attempt: 1,
          limitWorkingDays: 10,
          openedOn: '2026-11-26',
        }),
      );
      const claim = (token: string) =>
        http.post(`/api/v1/tasks/${task.id}/claim`).set('authorization', `Bearer ${token}`);
      expect((await claim(holder.accessToken)).body).toMatchObject({ claimedBy: 'holder1' });
      const deactivate = () =>
        http
          .patch(`/api/v1/accounts/${created.body.id}`)
          .set('authorization', `Bearer ${countyAdmin}`)
          .send({ active: false });

      // The approval service is down: the account is not changed either.
      await approval.close();
      const refused = await deactivate();
      expect(refused.status).toBe(503);
      expect((await http.get('/api/v1/auth/me').set('authorization', `Bearer ${holder.accessToken}`)).status).toBe(200);

      approval = await startService(ApprovalAppModule, QUEUE_GROUPS.approval);
      const patched = await deactivate();
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ active: false, releasedTaskIds: [task.id] });
      // A colleague of the same inbox may now sign for it. The colleague is made here, so that no other suite
      // running at the same time holds tasks in that name.
      const colleagueAccount = await createAccount(countyAdmin, {
        ...body,
        username: 'colleague1',
        displayName: '同事',
        password: 'colleague1-pass-x',
      });
      const colleague = await login('colleague1', 'colleague1-pass-x');
      expect((await claim(colleague.accessToken)).body).toMatchObject({ claimedBy: 'colleague1' });
      // An administrator takes it back while the colleague is away (收回): the account stays as it is.
      const takenBack = await http
        .post(`/api/v1/accounts/${colleagueAccount.body.id}/release-claims`)
        .set('authorization', `Bearer ${countyAdmin}`);
      expect(takenBack.status).toBe(200);
      expect(takenBack.body).toEqual({ releasedTaskIds: [task.id] });
      expect(
        (
          await http
            .post(`/api/v1/accounts/${colleagueAccount.body.id}/release-claims`)
            .set('authorization', `Bearer ${colleague.accessToken}`)
        ).status,
      ).toBe(403);
      expect((await http.get('/api/v1/auth/me').set('authorization', `Bearer ${colleague.accessToken}`)).status).toBe(
        200,
      );
      // Renaming changes no standing and gives nothing back.
      const renamed = await http
        .patch(`/api/v1/accounts/${created.body.id}`)
        .set('authorization', `Bearer ${countyAdmin}`)
        .send({ displayName: '已离职人员' });
      expect(renamed.body).toMatchObject({ displayName: '已离职人员', releasedTaskIds: [] });
    });

    it('does not let an administrator change their own roles or standing', async () => {
      const me = await http.get('/api/v1/auth/me').set('authorization', `Bearer ${countyAdmin}`);
      const response = await http
        .patch(`/api/v1/accounts/${me.body.id}`)
        .set('authorization', `Bearer ${countyAdmin}`)
        .send({ divisionCode: '22' });
      expect(response.status).toBe(403);
    });

    it('locks an account after repeated failures and unlocks it with a password reset', async () => {
      const body = {
        username: 'guessme',
        displayName: '被猜密码',
        divisionCode: '220102001001',
        roles: ['COMMUNITY_CASEWORKER'],
        password: 'guessme-pass-1',
      };
      const created = await createAccount(countyAdmin, body);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect(
          (await http.post('/api/v1/auth/login').send({ username: 'guessme', password: `wrong-${attempt}` })).status,
        ).toBe(401);
      }
      const locked = await http.post('/api/v1/auth/login').send({ username: 'guessme', password: 'guessme-pass-1' });
      expect(locked.status).toBe(429);
      expect(locked.body.message).toContain('锁定');

      const reset = await http
        .post(`/api/v1/accounts/${created.body.id}/password`)
        .set('authorization', `Bearer ${countyAdmin}`)
        .send({ password: 'guessme-pass-2' });
      expect(reset.status).toBe(204);
      await login('guessme', 'guessme-pass-2');
    });
  });

  describe('access log', () => {
    let caseworker: string;
    let auditor: string;
    let applicationId: string;

    beforeAll(async () => {
      caseworker = (await login('community1')).accessToken;
      auditor = (await login('auditor1')).accessToken;
      const { idempotencyKey, ...body } = makeApplication();
      const created = await http
        .post('/api/v1/applications')
        .set('authorization', `Bearer ${caseworker}`)
        .set('Idempotency-Key', idempotencyKey)
        .send(body);
      expect(created.status).toBe(201);
      workflows.push(created.body.workflowId);
      applicationId = created.body.id;
    });

    it('records each read with who, what, where from and why, and refuses a read without a purpose', async () => {
      const missing = await http
        .get(`/api/v1/applications/${applicationId}`)
        .set('authorization', `Bearer ${caseworker}`);
      expect(missing.status).toBe(400);

      const read = await http
        .get(`/api/v1/applications/${applicationId}`)
        .set('authorization', `Bearer ${caseworker}`)
        .set('X-Access-Purpose', PURPOSE);
      expect(read.status).toBe(200);

      const log = await http
        .get('/api/v1/access-log')
        .query({ recordId: applicationId })
        .set('authorization', `Bearer ${auditor}`);
      expect(log.status).toBe(200);
      expect(log.body).toHaveLength(1);
      expect(log.body[0]).toMatchObject({
        actorUsername: 'community1',
        action: 'READ',
        recordType: 'application',
        recordId: applicationId,
        recordDivision: '220102001001',
        purpose: '低保审核',
      });
      expect(log.body[0].clientIp).not.toBe('');
    });

    it('records a reveal of the full ID number as REVEAL, and does not record refused reads', async () => {
      const county = (await login('county1')).accessToken;
      const revealed = await http
        .get(`/api/v1/applications/${applicationId}`)
        .query({ reveal: 'true', purpose: '核对身份' })
        .set('authorization', `Bearer ${county}`);
      expect(revealed.status).toBe(200);
      expect(revealed.body.application.applicantIdNumber).toMatch(/^\d{17}[\dX]$/);

      const other = (await login('community2')).accessToken;
      const refused = await http
        .get(`/api/v1/applications/${applicationId}`)
        .set('authorization', `Bearer ${other}`)
        .set('X-Access-Purpose', PURPOSE);
      expect(refused.status).toBe(403);

      const log = await http
        .get('/api/v1/access-log')
        .query({ recordId: applicationId })
        .set('authorization', `Bearer ${auditor}`);
      expect(
        (log.body as Array<{ action: string; actorUsername: string }>).map(
          (entry) => `${entry.actorUsername}:${entry.action}`,
        ),
      ).toEqual(['county1:REVEAL', 'community1:READ']);
    });

    it('is append-only in the database', async () => {
      const em = gateway.get(EntityManager).fork();
      await expect(em.getConnection().execute(`update identity.access_log set purpose = 'x'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(em.getConnection().execute('delete from identity.access_log')).rejects.toThrow(/append-only/);
    });

    it('records reads that arrive together, each once, in one unbroken chain (grouped appends)', async () => {
      const connection = gateway.get(EntityManager).fork().getConnection();
      const count = async () =>
        Number(
          (
            await connection.execute<Array<{ n: string }>>(
              'select count(*) as n from identity.access_log where record_id = ?',
              [applicationId],
            )
          )[0].n,
        );
      const before = await count();
      // Purposes whose JSON needs escaping: the database's hash must be the one the gateway verifies.
      const purposes = [PURPOSE, '核对"引号"与\\反斜杠', '换行\n制表\t后的说明', '复核 😀 𠀀 ·点'];
      const reads = await Promise.all(
        Array.from({ length: 40 }, (_, n) =>
          http
            .get(`/api/v1/applications/${applicationId}`)
            .set('authorization', `Bearer ${caseworker}`)
            .set('X-Access-Purpose', n % 4 === 0 ? PURPOSE : encodeURIComponent(purposes[n % 4])),
        ),
      );
      expect(reads.map((read) => read.status)).toEqual(Array(40).fill(200));
      expect(await count()).toBe(before + 40);
      const [{ gaps }] = await connection.execute<Array<{ gaps: string }>>(
        'select count(*) - (max(seq) - min(seq) + 1) as gaps from identity.access_log',
      );
      expect(Number(gaps)).toBe(0);
      const verified = await http.post('/api/v1/access-log/verify').set('authorization', `Bearer ${auditor}`);
      expect(verified.body).toMatchObject({ ok: true });
    });

    it("verifies, and names the first entry after a row is edited behind the application's back", async () => {
      // Past ten entries, so the chain is walked in the order of the numbers, not of their text ('10' < '2').
      for (let read = 0; read < 11; read += 1) {
        await http
          .get(`/api/v1/applications/${applicationId}`)
          .set('authorization', `Bearer ${caseworker}`)
          .set('X-Access-Purpose', PURPOSE);
      }
      const ok = await http.post('/api/v1/access-log/verify').set('authorization', `Bearer ${auditor}`);
      expect(ok.body).toMatchObject({ ok: true });
      expect(ok.body.checked).toBeGreaterThanOrEqual(12);

      const connection = gateway.get(EntityManager).fork().getConnection();
      const [row] = await connection.execute<Array<{ seq: string; purpose: string }>>(
        'select seq::text as seq, purpose from identity.access_log where record_id = ? order by seq limit 1',
        [applicationId],
      );
      // A DBA with the power to switch the trigger off edits a row: the chain must catch it.
      await connection.execute('alter table identity.access_log disable trigger access_log_no_update_delete');
      try {
        await connection.execute('update identity.access_log set purpose = ? where seq = ?', ['随便看看', row.seq]);
        const broken = await http.post('/api/v1/access-log/verify').set('authorization', `Bearer ${auditor}`);
        expect(broken.body).toMatchObject({ ok: false, firstBrokenSeq: row.seq, problem: 'HASH_MISMATCH' });
      } finally {
        await connection.execute('update identity.access_log set purpose = ? where seq = ?', [row.purpose, row.seq]);
        await connection.execute('alter table identity.access_log enable trigger access_log_no_update_delete');
      }
      const restored = await http.post('/api/v1/access-log/verify').set('authorization', `Bearer ${auditor}`);
      expect(restored.body.ok).toBe(true);
    });
  });

  describe('throttling', () => {
    it('answers 429 when one client tries too many logins in a minute', async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 45; attempt += 1) {
        statuses.push(
          (await http.post('/api/v1/auth/login').send({ username: 'nobody-at-all', password: 'whatever-pass' })).status,
        );
      }
      expect(statuses).toContain(429);
      expect(new Set(statuses)).toEqual(new Set([401, 429]));
    });
  });
});
